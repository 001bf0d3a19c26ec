import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql, makeCoach, makeFamily } from '../../tests/support/db';
import { bookSession, nbCode, parisAt } from './support/booking';

/** Group sessions: seats of one group share the coach's slot; anything else still conflicts. */
let sql: Sql;
beforeAll(() => {
	sql = adminSql(10);
});
afterAll(() => sql.end());

async function groupFixture(children: number) {
	const coachId = await makeCoach(sql, { subjects: ['MATHEMATIQUES', 'PHYSIQUE_CHIMIE'] });
	const family = await makeFamily(sql, { children, credits: 4 });
	const startsAt = await parisAt(sql, 5, '15:00');
	const seat = (studentId: string, extra: Partial<Parameters<typeof bookSession>[2]> = {}) =>
		bookSession(sql, family.parentId, {
			coachId,
			studentId,
			startsAt,
			type: 'GROUP',
			credits: 1,
			...extra
		});
	return { coachId, family, startsAt, seat };
}

describe('group seats', () => {
	it('lets several students take seats in the same group, sharing one meeting room', async () => {
		const { family, seat } = await groupFixture(3);
		const seats = [];
		for (const studentId of family.studentIds) seats.push(await seat(studentId));
		expect(seats.map((s) => s.session.status)).toEqual(['SCHEDULED', 'SCHEDULED', 'SCHEDULED']);
		expect(new Set(seats.map((s) => s.session.meeting_url)).size).toBe(1);
		expect(seats[0]!.session.meeting_url).toMatch(/^https:\/\/meet\.jit\.si\/nexus-group-/);
		// A seat costs half an individual session's price, rounded up: 1 credit for an hour.
		expect(seats.map((s) => s.balance)).toEqual([3, 3, 3]);
	});

	it('still refuses an individual session, or another group, over a group slot', async () => {
		const { coachId, family, startsAt, seat } = await groupFixture(3);
		await seat(family.studentIds[0]!);
		const individual = bookSession(sql, family.parentId, {
			coachId,
			studentId: family.studentIds[1]!,
			startsAt
		});
		expect(await nbCode(individual)).toBe('NB_SLOT_TAKEN');
		const otherSubject = seat(family.studentIds[2]!, { subject: 'PHYSIQUE_CHIMIE' });
		expect(await nbCode(otherSubject)).toBe('NB_SLOT_TAKEN');
		const shifted = seat(family.studentIds[2]!, {
			startsAt: new Date(startsAt.getTime() + 30 * 60_000)
		});
		expect(await nbCode(shifted)).toBe('NB_SLOT_TAKEN');
	});

	it('fills up at the group capacity (6 seats) and refuses the seventh, even concurrently', async () => {
		const { family, seat } = await groupFixture(8);
		const results = await Promise.allSettled(family.studentIds.map((id) => seat(id)));
		const booked = results.filter((r) => r.status === 'fulfilled');
		expect(booked).toHaveLength(6);
		for (const r of results) {
			if (r.status === 'rejected')
				expect((r.reason as Error).message).toMatch(/^NB_SLOT_TAKEN: .*full/);
		}
	});

	it('never lets one student take two seats or overlap their own sessions', async () => {
		const { family, seat } = await groupFixture(1);
		await seat(family.studentIds[0]!);
		expect(await nbCode(seat(family.studentIds[0]!))).toBe('NB_STUDENT_BUSY');
	});
});
