import { describe, expect, it } from 'vitest';
import { actAs, fileSql, makeCoach, makeFamily } from '../../../../tests/support/db';
import { DEMO } from '../../../../tests/support/demo';
import { sessionsToday } from './homes.server';

const sql = fileSql();

/** A fresh coach's sessions starting at fixed instants (superuser insert), cancelled or not. */
async function coachWith(starts: [string, 'SCHEDULED' | 'COMPLETED' | 'CANCELLED'][]) {
	const coachId = await makeCoach(sql);
	const { studentIds } = await makeFamily(sql);
	for (const [i, [at, status]] of starts.entries()) {
		await sql`insert into public.session_bookings (student_id, coach_id, booked_by, subject_code,
				title, starts_at, ends_at, duration_minutes, status, credits_used, modality, cancelled_at)
			values (${studentIds[0]!}, ${coachId}, ${coachId}, 'MATHEMATIQUES', ${`s${i}`},
				${at}::timestamptz, ${at}::timestamptz + interval '30 minutes', 30,
				${status}::public.session_status, 1, 'IN_PERSON',
				case when ${status} = 'CANCELLED' then ${at}::timestamptz end)`;
	}
	return coachId;
}

describe('staff "sessions today"', () => {
	// 11:30 UTC on 10 March 2031: already the 11th in Auckland (UTC+13), still the 10th in Paris
	// (UTC+1). Fixed instants, so the answer depends on neither the clock nor the database's zone.
	const NOW = new Date('2031-03-10T11:30:00Z');
	const SESSIONS: [string, 'SCHEDULED' | 'COMPLETED' | 'CANCELLED'][] = [
		['2031-03-10T09:00:00Z', 'COMPLETED'], //   Paris 10th 10:00 · Auckland 10th 22:00
		['2031-03-10T12:00:00Z', 'SCHEDULED'], //   Paris 10th 13:00 · Auckland 11th 01:00
		['2031-03-11T09:00:00Z', 'SCHEDULED'], //   Paris 11th 10:00 · Auckland 11th 22:00
		['2031-03-11T10:30:00Z', 'SCHEDULED'], //   Paris 11th 11:30 · Auckland 11th 23:30
		['2031-03-10T20:00:00Z', 'CANCELLED'] //    Paris 10th 21:00 · Auckland 11th 09:00
	];

	it.each([
		['Pacific/Auckland', 3],
		['Europe/Paris', 2],
		['UTC', 2]
	])('counts the day of a viewer in %s: %i', async (zone, expected) => {
		const coachId = await coachWith(SESSIONS);
		const count = await actAs(sql, DEMO.assistant)((tx) => sessionsToday(tx, zone, NOW, coachId));
		expect(count).toBe(expected);
	});
});
