import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actAs, fileSql, makeCoach, makeFamily, makeUser } from '../../tests/support/db';
import { DEMO } from '../../tests/support/demo';
import { nbCode } from './support/booking';

/**
 * replace_weekly_availability / replace_specific_availability, and the rule
 * private.is_slot_available applies (the SQL twin of the TypeScript slot
 * engine). Every test builds its own coach; fixed dates make the rule
 * deterministic (is_slot_available ignores "now").
 */
const sql = fileSql();

interface Slot {
	dayOfWeek?: number;
	startTime: string;
	endTime: string;
	isAvailable?: boolean;
}
type Rule = { day: number | null; date: string | null; start: string; end: string; ok: boolean };

const replaceWeekly = (userId: string, coachId: string, days: number[], slots: Slot[]) =>
	actAs(
		sql,
		userId
	)(async (tx) => {
		const [row] = await tx<{ n: number }[]>`select public.replace_weekly_availability(
			${coachId}::uuid, ${days}::smallint[], ${JSON.stringify(slots)}::text::jsonb) as n`;
		return row!.n;
	});

const replaceSpecific = (userId: string, coachId: string, date: string, slots: Slot[]) =>
	actAs(
		sql,
		userId
	)(async (tx) => {
		const [row] = await tx<{ n: number }[]>`select public.replace_specific_availability(
			${coachId}::uuid, ${date}::date, ${JSON.stringify(slots)}::text::jsonb) as n`;
		return row!.n;
	});

const rulesOf = (coachId: string) =>
	sql<Rule[]>`select day_of_week as day, specific_date::text as date,
			to_char(start_time, 'HH24:MI') as start, to_char(end_time, 'HH24:MI') as end, is_available as ok
		from public.coach_availability where coach_id = ${coachId}
		order by is_recurring desc, day_of_week, specific_date, start_time, is_available`;

/** is_slot_available for a session given as two ISO instants. */
async function available(coachId: string, startsAt: string, endsAt: string): Promise<boolean> {
	const [row] = await sql<{ ok: boolean }[]>`select private.is_slot_available(
		${coachId}::uuid, ${startsAt}::timestamptz, ${endsAt}::timestamptz) as ok`;
	return row!.ok;
}

const futureDate = async (days: number) =>
	(
		await sql<{ d: string }[]>`
			select ((now() at time zone 'Europe/Paris')::date + ${days}::int)::text as d`
	)[0]!.d;

describe('replace_weekly_availability', () => {
	it('replaces the rules of the days given, keeps the other days, and counts the rows inserted', async () => {
		const coachId = await makeCoach(sql);
		const inserted = await replaceWeekly(
			coachId,
			coachId,
			[1, 2],
			[
				{ dayOfWeek: 1, startTime: '09:00', endTime: '12:00', isAvailable: true },
				{ dayOfWeek: 1, startTime: '14:00', endTime: '18:00', isAvailable: true },
				{ dayOfWeek: 1, startTime: '10:00', endTime: '11:00', isAvailable: false }
			]
		);
		expect(inserted).toBe(3);
		const rules = await rulesOf(coachId);
		expect(rules.filter((r) => r.day === 1)).toEqual([
			{ day: 1, date: null, start: '09:00', end: '12:00', ok: true },
			{ day: 1, date: null, start: '10:00', end: '11:00', ok: false },
			{ day: 1, date: null, start: '14:00', end: '18:00', ok: true }
		]);
		expect(rules.filter((r) => r.day === 2)).toEqual([]);
		expect(rules.filter((r) => r.day === 3)).toEqual([
			{ day: 3, date: null, start: '08:00', end: '20:00', ok: true }
		]);
	});

	it('refuses overlapping slots of the same kind and leaves the rules untouched', async () => {
		const coachId = await makeCoach(sql);
		const before = await rulesOf(coachId);
		const overlapping = [
			{ dayOfWeek: 4, startTime: '09:00', endTime: '11:00' },
			{ dayOfWeek: 4, startTime: '10:30', endTime: '12:00' }
		];
		expect(await nbCode(replaceWeekly(coachId, coachId, [4], overlapping))).toBe(
			'NB_OVERLAPPING_SLOTS'
		);
		expect(await rulesOf(coachId)).toEqual(before);
	});

	it('accepts touching slots and an unavailable slot inside an available one', async () => {
		const coachId = await makeCoach(sql);
		const slots = [
			{ dayOfWeek: 4, startTime: '09:00', endTime: '10:00' },
			{ dayOfWeek: 4, startTime: '10:00', endTime: '11:00' },
			{ dayOfWeek: 4, startTime: '09:30', endTime: '10:30', isAvailable: false }
		];
		expect(await replaceWeekly(coachId, coachId, [4], slots)).toBe(3);
	});

	it.each([
		['an inverted slot', { dayOfWeek: 1, startTime: '11:00', endTime: '10:00' }],
		['a slot shorter than 30 minutes', { dayOfWeek: 1, startTime: '10:00', endTime: '10:15' }],
		['a time without two-digit hours', { dayOfWeek: 1, startTime: '9:00', endTime: '10:00' }],
		['a time with seconds', { dayOfWeek: 1, startTime: '09:00:00', endTime: '10:00' }],
		['24:00 as a start', { dayOfWeek: 1, startTime: '24:00', endTime: '24:00' }],
		['a slot for a day not being replaced', { dayOfWeek: 2, startTime: '09:00', endTime: '10:00' }],
		['a slot without a day', { startTime: '09:00', endTime: '10:00' }]
	])('rejects %s as NB_VALIDATION, changing nothing', async (_name, slot) => {
		const coachId = await makeCoach(sql);
		const before = await rulesOf(coachId);
		expect(await nbCode(replaceWeekly(coachId, coachId, [1], [slot]))).toBe('NB_VALIDATION');
		expect(await rulesOf(coachId)).toEqual(before);
	});

	it('rejects weekday numbers outside 0..6', async () => {
		const coachId = await makeCoach(sql);
		expect(await nbCode(replaceWeekly(coachId, coachId, [7], []))).toBe('NB_VALIDATION');
	});
});

describe('who may edit availability', () => {
	const oneSlot = [{ dayOfWeek: 1, startTime: '09:00', endTime: '10:00' }];

	it('a coach cannot edit another coach', async () => {
		const [coachId, otherCoach] = [await makeCoach(sql), await makeCoach(sql)];
		expect(await nbCode(replaceWeekly(otherCoach, coachId, [1], oneSlot))).toBe('NB_FORBIDDEN');
		expect(await nbCode(replaceSpecific(otherCoach, coachId, await futureDate(3), []))).toBe(
			'NB_FORBIDDEN'
		);
	});

	it('an assistant or an admin may edit any coach', async () => {
		const coachId = await makeCoach(sql);
		expect(await replaceWeekly(DEMO.assistant, coachId, [1], oneSlot)).toBe(1);
		expect(await replaceSpecific(DEMO.admin, coachId, await futureDate(3), [])).toBe(1);
	});

	it('a student or a parent may not, not even for themself', async () => {
		const coachId = await makeCoach(sql);
		const { parentId, studentIds } = await makeFamily(sql);
		for (const userId of [parentId, studentIds[0]!]) {
			expect(await nbCode(replaceWeekly(userId, coachId, [1], oneSlot))).toBe('NB_FORBIDDEN');
			expect(await nbCode(replaceWeekly(userId, userId, [1], oneSlot))).toBe('NB_FORBIDDEN');
		}
	});

	it('staff get NB_NOT_FOUND for an unknown id or someone who is not a coach', async () => {
		const parentId = await makeUser(sql, 'parent');
		expect(await nbCode(replaceWeekly(DEMO.assistant, parentId, [1], oneSlot))).toBe(
			'NB_NOT_FOUND'
		);
		expect(await nbCode(replaceWeekly(DEMO.assistant, randomUUID(), [1], oneSlot))).toBe(
			'NB_NOT_FOUND'
		);
	});
});

describe('replace_specific_availability', () => {
	it('replaces every rule of that date and nothing else', async () => {
		const coachId = await makeCoach(sql);
		const [date, other] = [await futureDate(5), await futureDate(6)];
		await replaceSpecific(coachId, coachId, other, [{ startTime: '21:00', endTime: '22:00' }]);
		await replaceSpecific(coachId, coachId, date, [{ startTime: '06:00', endTime: '07:00' }]);
		const inserted = await replaceSpecific(coachId, coachId, date, [
			{ startTime: '20:00', endTime: '22:00', isAvailable: true },
			{ startTime: '08:00', endTime: '12:00', isAvailable: false }
		]);
		expect(inserted).toBe(2);
		const specific = (await rulesOf(coachId)).filter((r) => r.date !== null);
		expect(specific).toEqual([
			{ day: null, date, start: '08:00', end: '12:00', ok: false },
			{ day: null, date, start: '20:00', end: '22:00', ok: true },
			{ day: null, date: other, start: '21:00', end: '22:00', ok: true }
		]);
	});

	it('stores an empty list as a day off: 00:00–24:00 unavailable', async () => {
		const coachId = await makeCoach(sql);
		const date = await futureDate(4);
		expect(await replaceSpecific(coachId, coachId, date, [])).toBe(1);
		expect((await rulesOf(coachId)).filter((r) => r.date === date)).toEqual([
			{ day: null, date, start: '00:00', end: '24:00', ok: false }
		]);
		expect(await available(coachId, `${date}T10:00:00+01:00`, `${date}T11:00:00+01:00`)).toBe(
			false
		);
	});

	it('refuses a date in the past (in the coach zone) and overlapping slots', async () => {
		const coachId = await makeCoach(sql);
		const slot = [{ startTime: '09:00', endTime: '10:00' }];
		expect(await nbCode(replaceSpecific(coachId, coachId, await futureDate(-1), slot))).toBe(
			'NB_IN_THE_PAST'
		);
		expect(await replaceSpecific(coachId, coachId, await futureDate(0), slot)).toBe(1);
		const overlapping = [...slot, { startTime: '09:30', endTime: '10:30' }];
		expect(await nbCode(replaceSpecific(coachId, coachId, await futureDate(2), overlapping))).toBe(
			'NB_OVERLAPPING_SLOTS'
		);
	});
});

describe('is_slot_available', () => {
	// 2099-01-05 is a Monday (dow 1), in winter (Paris is UTC+1), and stays in the future:
	// replace_specific_availability refuses a past date (a 2027 date failed from January 2027 on).
	const monday = (from: string, to: string) =>
		[`2099-01-05T${from}:00+01:00`, `2099-01-05T${to}:00+01:00`] as const;
	const mondayCoach = (weekly = [{ dayOfWeek: 1, start: '09:00', end: '12:00' }]) =>
		makeCoach(sql, { weekly });

	it('accepts a session inside a weekly rule and refuses one that sticks out', async () => {
		const coachId = await mondayCoach();
		expect(await available(coachId, ...monday('09:00', '12:00'))).toBe(true);
		expect(await available(coachId, ...monday('11:30', '12:30'))).toBe(false);
		expect(await available(coachId, ...monday('08:30', '09:30'))).toBe(false);
		expect(await available(coachId, '2099-01-06T09:00:00+01:00', '2099-01-06T10:00:00+01:00')).toBe(
			false
		);
	});

	it('adds the hours of a specific-date available rule to the weekly ones', async () => {
		const coachId = await mondayCoach();
		await replaceSpecific(coachId, coachId, '2099-01-05', [
			{ startTime: '12:00', endTime: '14:00' }
		]);
		expect(await available(coachId, ...monday('11:00', '13:00'))).toBe(true);
		expect(await available(coachId, '2099-01-12T12:00:00+01:00', '2099-01-12T13:00:00+01:00')).toBe(
			false
		);
	});

	it('removes the hours of any unavailable rule, weekly or specific', async () => {
		const coachId = await mondayCoach();
		await replaceWeekly(
			coachId,
			coachId,
			[1],
			[
				{ dayOfWeek: 1, startTime: '09:00', endTime: '12:00' },
				{ dayOfWeek: 1, startTime: '11:00', endTime: '11:30', isAvailable: false }
			]
		);
		await replaceSpecific(coachId, coachId, '2099-01-05', [
			{ startTime: '09:00', endTime: '10:00', isAvailable: false },
			{ startTime: '14:00', endTime: '16:00' }
		]);
		expect(await available(coachId, ...monday('09:30', '10:30'))).toBe(false);
		expect(await available(coachId, ...monday('10:00', '11:00'))).toBe(true);
		expect(await available(coachId, ...monday('10:30', '11:30'))).toBe(false);
		expect(await available(coachId, ...monday('11:30', '12:00'))).toBe(true);
		expect(await available(coachId, ...monday('14:00', '16:00'))).toBe(true);
		// The weekly unavailable rule also cuts into specific available hours.
		await replaceSpecific(coachId, coachId, '2099-01-05', [
			{ startTime: '11:00', endTime: '13:00' }
		]);
		expect(await available(coachId, ...monday('11:00', '12:00'))).toBe(false);
	});

	it('merges touching rules into one open interval', async () => {
		const coachId = await mondayCoach([
			{ dayOfWeek: 1, start: '09:00', end: '10:00' },
			{ dayOfWeek: 1, start: '10:00', end: '11:00' }
		]);
		expect(await available(coachId, ...monday('09:30', '10:30'))).toBe(true);
	});

	it('refuses a session that straddles midnight, even when both days are open', async () => {
		const coachId = await makeCoach(sql, {
			weekly: [0, 1, 2, 3, 4, 5, 6].map((d) => ({ dayOfWeek: d, start: '00:00', end: '24:00' }))
		});
		expect(await available(coachId, ...monday('23:00', '24:00'))).toBe(true);
		expect(await available(coachId, '2099-01-05T23:30:00+01:00', '2099-01-06T00:30:00+01:00')).toBe(
			false
		);
	});

	it('keeps a 09:00 rule at 09:00 wall-clock across both DST changes (Europe/Paris)', async () => {
		// 2026-03-29 and 2026-10-25 are the Sundays of the changes.
		const coachId = await makeCoach(sql, {
			weekly: [{ dayOfWeek: 0, start: '09:00', end: '10:00' }]
		});
		expect(await available(coachId, '2026-03-29T07:00:00Z', '2026-03-29T08:00:00Z')).toBe(true);
		expect(await available(coachId, '2026-03-29T08:00:00Z', '2026-03-29T09:00:00Z')).toBe(false);
		expect(await available(coachId, '2026-10-25T08:00:00Z', '2026-10-25T09:00:00Z')).toBe(true);
		expect(await available(coachId, '2026-10-25T07:00:00Z', '2026-10-25T08:00:00Z')).toBe(false);
	});

	it('refuses a session with a DST change inside it, and the earlier twin of an ambiguous time', async () => {
		const coachId = await makeCoach(sql, {
			weekly: [{ dayOfWeek: 0, start: '00:00', end: '06:00' }]
		});
		// Spring forward: 01:30 CET → 03:30 CEST is one real hour but two wall hours.
		expect(await available(coachId, '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z')).toBe(false);
		expect(await available(coachId, '2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z')).toBe(true);
		// Fall back: 02:30 CEST → 02:30 CET is one real hour and zero wall hours.
		expect(await available(coachId, '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z')).toBe(false);
		// Wall 02:00–02:30 resolves to the later instants (like the TypeScript engine).
		expect(await available(coachId, '2026-10-25T01:00:00Z', '2026-10-25T01:30:00Z')).toBe(true);
		expect(await available(coachId, '2026-10-25T00:00:00Z', '2026-10-25T00:30:00Z')).toBe(false);
	});

	it("uses the coach's own time zone", async () => {
		const coachId = await makeCoach(sql, {
			timeZone: 'America/New_York',
			weekly: [{ dayOfWeek: 1, start: '09:00', end: '10:00' }]
		});
		expect(await available(coachId, '2099-01-05T14:00:00Z', '2099-01-05T15:00:00Z')).toBe(true);
		expect(await available(coachId, ...monday('09:00', '10:00'))).toBe(false);
	});
});
