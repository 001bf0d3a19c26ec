import { describe, expect, it } from 'vitest';
import { fileSql, makeCoach, makeFamily } from '../../tests/support/db';
import { seatPrice } from '../../src/lib/features/booking/pricing';
import { bookSession, nbCode, parisAt, reschedule, transition } from './support/booking';

/** Group sessions: seats of one group share the coach's slot; anything else still conflicts. */
const sql = fileSql(10);

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

describe('a group’s first seat', () => {
	const TWO_HOURS = { durationMinutes: 120 };

	it('pays the individual price: alone, a group seat is a private session', async () => {
		const { family, seat } = await groupFixture(2);
		const [first, second] = family.studentIds as [string, string];
		// The group price (1 credit for 2 h) is refused while no other seat is live…
		expect(await nbCode(seat(first, { ...TWO_HOURS, credits: 1 }))).toBe('NB_PRICE_MISMATCH');
		const opener = await seat(first, { ...TWO_HOURS, credits: 2 });
		expect(opener.session.credits_used).toBe(2);
		// …and charged to every seat taken while the group runs.
		expect(await nbCode(seat(second, { ...TWO_HOURS, credits: 2 }))).toBe('NB_PRICE_MISMATCH');
		expect((await seat(second, { ...TWO_HOURS, credits: 1 })).session.credits_used).toBe(1);
	});

	it('is the first live one: after the group emptied, the next seat opens it again', async () => {
		const { family, seat } = await groupFixture(2);
		const [first, second] = family.studentIds as [string, string];
		const opener = await seat(first, { ...TWO_HOURS, credits: 2 });
		await transition(sql, family.parentId, opener.session.id, 'CANCELLED');
		expect(await nbCode(seat(second, { ...TWO_HOURS, credits: 1 }))).toBe('NB_PRICE_MISMATCH');
		expect((await seat(second, { ...TWO_HOURS, credits: 2 })).session.credits_used).toBe(2);
	});

	it('cannot be reached by moving a cheaper seat to a time where no group runs', async () => {
		const { family, startsAt, seat } = await groupFixture(2);
		const [first, second] = family.studentIds as [string, string];
		await seat(first, { ...TWO_HOURS, credits: 2 });
		const joiner = await seat(second, { ...TWO_HOURS, credits: 1 });
		const later = new Date(startsAt.getTime() + 3 * 3_600_000);
		expect(await nbCode(reschedule(sql, family.parentId, joiner.session.id, later))).toBe(
			'NB_PRICE_MISMATCH'
		);
	});

	it('is priced the same by TypeScript and by public.seat_price', async () => {
		const rows = await sql<{ type: 'INDIVIDUAL' | 'GROUP'; d: number; n: number; price: number }[]>`
			select t::text as type, d, n, public.seat_price(t, d, n) as price
			from unnest(enum_range(null::public.session_type)) t,
				generate_series(30, 240, 30) d, generate_series(0, 2) n`;
		expect(rows).toHaveLength(2 * 8 * 3);
		for (const { type, d, n, price } of rows)
			expect([type, d, n, seatPrice(type, d, n)]).toEqual([type, d, n, price]);
	});
});
