import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, adminSql, makeCoach, makeFamily } from '../../../../tests/support/db';
import { DEMO } from '../../../../tests/support/demo';
import { sessionsToday } from './homes.server';

let sql: Sql;
beforeAll(() => {
	sql = adminSql();
});
afterAll(() => sql.end());

/** Sessions of a fresh coach at local times around "today" in `zone` (superuser insert). */
async function coachWithDay(zone: string) {
	const coachId = await makeCoach(sql);
	const { studentIds } = await makeFamily(sql);
	// [day offset, local time]: three today, one yesterday, one tomorrow, one today but cancelled.
	const starts: [number, string, string][] = [
		[0, '00:30', 'SCHEDULED'],
		[0, '12:00', 'COMPLETED'],
		[0, '23:00', 'CONFIRMED'],
		[-1, '12:00', 'SCHEDULED'],
		[1, '12:00', 'SCHEDULED'],
		[0, '16:00', 'CANCELLED']
	];
	for (const [i, [days, time, status]] of starts.entries()) {
		await sql`insert into public.session_bookings (student_id, coach_id, booked_by, subject_code,
				title, starts_at, ends_at, duration_minutes, status, credits_used, modality, cancelled_at)
			select ${studentIds[0]!}, ${coachId}, ${coachId}, 'MATHEMATIQUES', ${`s${i}`}, t, t + interval '30 minutes',
				30, ${status}::public.session_status, 1, 'IN_PERSON',
				case when ${status} = 'CANCELLED' then now() end
			from (select ((now() at time zone ${zone})::date + ${days}::int + ${time}::time)
				at time zone ${zone} as t) x`;
	}
	return coachId;
}

describe('staff "sessions today"', () => {
	// Zones 25 hours apart: at no moment do they share a date with UTC on both sides.
	it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Paris'])(
		'counts the day of a viewer in %s, whatever the database zone',
		async (zone) => {
			const coachId = await coachWithDay(zone);
			const count = await actAs(sql, DEMO.assistant)((tx) => sessionsToday(tx, zone, coachId));
			expect(count).toBe(3);
		}
	);
});
