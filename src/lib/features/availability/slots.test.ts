import { describe, expect, it } from 'vitest';
import { computeSlots } from './slots';
import type { AvailabilityRule, BusyInterval, Slot, SlotQuery } from './types';

// 2026-06-01 is a Monday; Paris is on summer time (UTC+2) all June.
const weekly = (dayOfWeek: number, startTime: string, endTime: string, isAvailable = true) =>
	({ isRecurring: true, dayOfWeek, specificDate: null, startTime, endTime, isAvailable }) as const;
const on = (specificDate: string, startTime: string, endTime: string, isAvailable = true) =>
	({ isRecurring: false, dayOfWeek: null, specificDate, startTime, endTime, isAvailable }) as const;
const busyAt = (startsAt: string, endsAt: string): BusyInterval => ({
	startsAt: new Date(startsAt),
	endsAt: new Date(endsAt)
});

const query = (overrides: Partial<SlotQuery> = {}): SlotQuery => ({
	timeZone: 'Europe/Paris',
	startDate: '2026-06-01',
	endDate: '2026-06-07',
	durationMinutes: 60,
	now: new Date('2026-01-01T00:00:00Z'),
	minNoticeMinutes: 0,
	horizonDays: 365,
	...overrides
});
const run = (rules: AvailabilityRule[], busy: BusyInterval[] = [], q: Partial<SlotQuery> = {}) =>
	computeSlots(rules, busy, query(q));
const labels = (slots: Slot[]) => slots.map((s) => `${s.date} ${s.startTime}-${s.endTime}`);
const instants = (slots: Slot[]) => slots.map((s) => s.startsAt.toISOString());
const morningWeek = [1, 2, 3, 4, 5].map((dow) => weekly(dow, '09:00', '12:00'));
const MONDAY = ['09:00-10:00', '09:30-10:30', '10:00-11:00', '10:30-11:30', '11:00-12:00'];

describe('computeSlots: rules', () => {
	it('offers a plain week of weekday mornings', () => {
		const slots = run(morningWeek);
		expect(slots).toHaveLength(25);
		expect(labels(slots).slice(0, 5)).toEqual(MONDAY.map((t) => `2026-06-01 ${t}`));
		expect(slots[0]).toEqual({
			date: '2026-06-01',
			startTime: '09:00',
			endTime: '10:00',
			startsAt: new Date('2026-06-01T07:00:00Z'),
			endsAt: new Date('2026-06-01T08:00:00Z')
		});
		expect(slots.at(-1)?.startsAt).toEqual(new Date('2026-06-05T09:00:00Z'));
		expect(slots.some((s) => s.date === '2026-06-06' || s.date === '2026-06-07')).toBe(false);
	});

	it('adds extra hours from a specific-date rule, on that date only', () => {
		const slots = run([on('2026-06-06', '14:00', '16:00')], [], { endDate: '2026-06-14' });
		expect(labels(slots)).toEqual([
			'2026-06-06 14:00-15:00',
			'2026-06-06 14:30-15:30',
			'2026-06-06 15:00-16:00'
		]);
	});

	it('removes a whole day with a specific 00:00–24:00 unavailable rule', () => {
		const slots = run([...morningWeek, on('2026-06-03', '00:00', '24:00', false)]);
		expect(slots).toHaveLength(20);
		expect(slots.some((s) => s.date === '2026-06-03')).toBe(false);
	});

	it('removes part of a day with a specific unavailable rule', () => {
		const slots = run([...morningWeek, on('2026-06-02', '10:00', '11:00', false)]);
		expect(labels(slots.filter((s) => s.date === '2026-06-02'))).toEqual([
			'2026-06-02 09:00-10:00',
			'2026-06-02 11:00-12:00'
		]);
	});

	it('subtracts a weekly unavailable rule (lunch break)', () => {
		const rules = [weekly(1, '09:00', '17:00'), weekly(1, '12:00', '13:00', false)];
		const slots = run(rules, [], { endDate: '2026-06-01' });
		expect(slots.map((s) => s.startTime)).toEqual([
			'09:00',
			'09:30',
			'10:00',
			'10:30',
			'11:00',
			'13:00',
			'13:30',
			'14:00',
			'14:30',
			'15:00',
			'15:30',
			'16:00'
		]);
	});

	it('merges adjacent intervals, weekly and specific alike', () => {
		const split = [weekly(1, '09:00', '10:00'), weekly(1, '10:00', '11:00')];
		expect(run(split, [], { endDate: '2026-06-01' }).map((s) => s.startTime)).toEqual([
			'09:00',
			'09:30',
			'10:00'
		]);
		const mixed = [weekly(1, '09:00', '10:00'), on('2026-06-01', '10:00', '11:00')];
		expect(run(mixed, [], { endDate: '2026-06-01' }).map((s) => s.startTime)).toContain('09:30');
	});

	it('never duplicates slots when rules overlap', () => {
		const rules = [
			weekly(1, '09:00', '11:00'),
			weekly(1, '09:00', '11:00'),
			on('2026-06-01', '10:00', '11:00')
		];
		expect(labels(run(rules, [], { endDate: '2026-06-01' }))).toEqual([
			'2026-06-01 09:00-10:00',
			'2026-06-01 09:30-10:30',
			'2026-06-01 10:00-11:00'
		]);
	});

	it('ignores rules that are malformed or attached to no day', () => {
		const rules = [
			weekly(1, '11:00', '09:00'),
			weekly(1, '9:00', '10:00'),
			weekly(7, '09:00', '10:00'),
			{ ...weekly(1, '09:00', '10:00'), dayOfWeek: null },
			{ ...on('2026-06-01', '09:00', '10:00'), specificDate: null },
			on('2026-02-30', '09:00', '10:00')
		];
		expect(run(rules, [], { startDate: '2026-02-01', endDate: '2026-06-30' })).toEqual([]);
	});
});

describe('computeSlots: busy sessions, notice, duration, step', () => {
	const monday = { endDate: '2026-06-01' };

	it('accepts slots back-to-back with busy sessions', () => {
		const busy = [
			busyAt('2026-06-01T07:00:00Z', '2026-06-01T08:00:00Z'),
			busyAt('2026-06-01T08:00:00Z', '2026-06-01T09:00:00Z')
		];
		expect(labels(run(morningWeek, busy, monday))).toEqual(['2026-06-01 11:00-12:00']);
		const middle = [busyAt('2026-06-01T08:00:00Z', '2026-06-01T09:00:00Z')];
		expect(instants(run(morningWeek, middle, monday))).toEqual([
			'2026-06-01T07:00:00.000Z',
			'2026-06-01T09:00:00.000Z'
		]);
	});

	it('drops every slot a busy session partially overlaps', () => {
		const busy = [busyAt('2026-06-01T07:45:00Z', '2026-06-01T08:15:00Z')];
		expect(run(morningWeek, busy, monday).map((s) => s.startTime)).toEqual(['10:30', '11:00']);
	});

	it('applies minimum notice from now, inclusive, and never offers the past', () => {
		const rules = [weekly(1, '09:00', '17:00')];
		const q = { ...monday, startDate: '2026-05-25', minNoticeMinutes: 120 };
		const late = run(rules, [], { ...q, now: new Date('2026-06-01T07:10:00Z') });
		expect(late[0]?.startsAt).toEqual(new Date('2026-06-01T09:30:00Z'));
		expect(late.every((s) => s.date === '2026-06-01')).toBe(true);
		const exact = run(rules, [], { ...q, now: new Date('2026-06-01T07:00:00Z') });
		expect(exact[0]?.startsAt).toEqual(new Date('2026-06-01T09:00:00Z'));
		expect(run(rules, [], { ...q, now: new Date('2026-06-02T00:00:00Z') })).toEqual([]);
	});

	it.each([
		[30, 6, '09:30'],
		[60, 5, '10:00'],
		[90, 4, '10:30'],
		[120, 3, '11:00']
	])('fits %i-minute sessions (%i slots, first ends %s)', (durationMinutes, count, firstEnd) => {
		const slots = run(morningWeek, [], { ...monday, durationMinutes });
		expect(slots).toHaveLength(count);
		expect(slots[0]?.endTime).toBe(firstEnd);
		expect(slots.at(-1)?.endTime).toBe('12:00');
		for (const s of slots) {
			expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(durationMinutes * 60_000);
		}
	});

	it('offers starts on the step grid of the wall clock only, as book_session accepts them', () => {
		const starts = (stepMinutes: number, rules: AvailabilityRule[] = morningWeek) =>
			run(rules, [], { ...monday, stepMinutes }).map((s) => s.startTime);
		expect(starts(60)).toEqual(['09:00', '10:00', '11:00']);
		expect(starts(15)).toHaveLength(9);
		// 09:15–11:15 open: 09:15 is off the 30-minute grid, so the first start is 09:30.
		expect(starts(30, [weekly(1, '09:15', '11:15')])).toEqual(['09:30', '10:00']);
	});

	it('offers nothing past the booking horizon (now + horizonDays × 24 h)', () => {
		const now = new Date('2026-05-31T07:00:00Z');
		const slots = run(morningWeek, [], { ...monday, now, horizonDays: 1 });
		// Monday 1 June, Paris (UTC+2): 09:00 is 07:00Z, exactly 24 h after now (still offered).
		expect(slots.map((s) => s.startTime)).toEqual(['09:00']);
		expect(run(morningWeek, [], { ...monday, now, horizonDays: 0 })).toEqual([]);
		expect(() => run(morningWeek, [], { horizonDays: -1 })).toThrow(RangeError);
	});

	it('rejects invalid queries and returns nothing for an empty range', () => {
		expect(() => run(morningWeek, [], { durationMinutes: 45 })).toThrow(RangeError);
		expect(() => run(morningWeek, [], { durationMinutes: 270 })).toThrow(RangeError);
		expect(() => run(morningWeek, [], { stepMinutes: 0 })).toThrow(RangeError);
		expect(() => run(morningWeek, [], { startDate: '2026-6-1' })).toThrow(RangeError);
		expect(() => run(morningWeek, [], { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
		expect(() => run(morningWeek, [], { minNoticeMinutes: -1 })).toThrow(RangeError);
		expect(run(morningWeek, [], { startDate: '2026-06-08', endDate: '2026-06-07' })).toEqual([]);
	});
});

describe('computeSlots: time zones and DST', () => {
	it('keeps 09:00 Paris at 08:00Z before and 07:00Z after spring forward', () => {
		const slots = run([weekly(1, '09:00', '10:00')], [], {
			startDate: '2026-03-23',
			endDate: '2026-04-05'
		});
		expect(instants(slots)).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
	});

	it('keeps 09:00 Paris at 07:00Z before and 08:00Z after fall back', () => {
		const slots = run([weekly(1, '09:00', '10:00')], [], {
			startDate: '2026-10-19',
			endDate: '2026-10-26'
		});
		expect(instants(slots)).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
	});

	it('offers nothing in or across the spring-forward gap (2026-03-29 02:00→03:00)', () => {
		const day = { startDate: '2026-03-29', endDate: '2026-03-29' };
		expect(run([on('2026-03-29', '01:30', '03:30')], [], day)).toEqual([]);
		const short = run([on('2026-03-29', '01:30', '03:30')], [], { ...day, durationMinutes: 30 });
		expect(labels(short)).toEqual(['2026-03-29 03:00-03:30']);
		expect(instants(short)).toEqual(['2026-03-29T01:00:00.000Z']);
		const wide = run([on('2026-03-29', '01:00', '04:00')], [], day);
		expect(labels(wide)).toEqual(['2026-03-29 03:00-04:00']);
		expect(run([on('2026-03-29', '01:00', '04:00')], [], { ...day, durationMinutes: 120 })).toEqual(
			[]
		);
	});

	it('uses the later instant for repeated fall-back times and drops 2-hour "1-hour" slots', () => {
		const slots = run([on('2026-10-25', '01:00', '04:00')], [], {
			startDate: '2026-10-25',
			endDate: '2026-10-25'
		});
		// 01:00–02:00 and 01:30–02:30 would last two real hours: dropped.
		expect(labels(slots)).toEqual([
			'2026-10-25 02:00-03:00',
			'2026-10-25 02:30-03:30',
			'2026-10-25 03:00-04:00'
		]);
		expect(instants(slots)).toEqual([
			'2026-10-25T01:00:00.000Z',
			'2026-10-25T01:30:00.000Z',
			'2026-10-25T02:00:00.000Z'
		]);
		for (const s of slots) expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(3_600_000);
	});

	it('uses calendar dates in the coach zone, ahead of UTC (Auckland)', () => {
		const rules = [weekly(1, '00:00', '01:00'), weekly(1, '09:00', '10:00')];
		const slots = run(rules, [], { timeZone: 'Pacific/Auckland', endDate: '2026-06-01' });
		expect(slots.map((s) => s.date)).toEqual(['2026-06-01', '2026-06-01']);
		expect(instants(slots)).toEqual(['2026-05-31T12:00:00.000Z', '2026-05-31T21:00:00.000Z']);
	});

	it('uses calendar dates in the coach zone, behind UTC, up to 24:00 (New York)', () => {
		const slots = run([weekly(5, '22:00', '24:00')], [], {
			timeZone: 'America/New_York',
			durationMinutes: 120
		});
		expect(slots).toEqual([
			{
				date: '2026-06-05',
				startTime: '22:00',
				endTime: '24:00',
				startsAt: new Date('2026-06-06T02:00:00Z'),
				endsAt: new Date('2026-06-06T04:00:00Z')
			}
		]);
	});

	it('handles a fall-back at local midnight, where 23:00–24:00 repeats (Santiago)', () => {
		// 2026-04-05 00:00 (UTC−3) becomes 2026-04-04 23:00 (UTC−4).
		const slots = run([on('2026-04-04', '22:00', '24:00')], [], {
			timeZone: 'America/Santiago',
			startDate: '2026-04-04',
			endDate: '2026-04-05'
		});
		expect(labels(slots)).toEqual(['2026-04-04 23:00-24:00']);
		expect(slots[0]?.startsAt).toEqual(new Date('2026-04-05T03:00:00Z'));
		expect(slots[0]?.endsAt).toEqual(new Date('2026-04-05T04:00:00Z'));
	});
});

describe('computeSlots: a realistic 8-week calendar', () => {
	it('offers the expected slots around 40 booked sessions', () => {
		const rules = [
			...[1, 2, 3, 4, 5].flatMap((d) => [weekly(d, '09:00', '12:00'), weekly(d, '14:00', '18:00')]),
			weekly(6, '10:00', '13:00')
		];
		// One 09:00–10:00 Paris session every weekday for 8 weeks.
		const busy = Array.from({ length: 56 }, (_, i) => new Date(Date.UTC(2026, 5, 1 + i, 7)))
			.filter((d) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5)
			.map((d) => ({ startsAt: d, endsAt: new Date(d.getTime() + 3_600_000) }));
		expect(busy).toHaveLength(40);
		const slots = run(rules, busy, { endDate: '2026-07-26' });
		// (5 weekdays × (5 + 7) + Saturday 5) × 8 weeks, minus 09:00 and 09:30 on 40 weekdays.
		expect(slots).toHaveLength(65 * 8 - 80);
		slots.forEach((s, i) => {
			if (i > 0) expect(s.startsAt.getTime()).toBeGreaterThan(slots[i - 1]!.startsAt.getTime());
			expect(busy.some((b) => b.startsAt < s.endsAt && s.startsAt < b.endsAt)).toBe(false);
		});
	});
});
