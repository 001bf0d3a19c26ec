import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSlots } from './slots';
import type { AvailabilityRule, BusyInterval, Slot, SlotQuery } from './types';

/*
 * computeSlots against a deliberately naive reference: minute-by-minute availability, a walk back
 * to find each run's start for the step grid, and wall→instant taken from Intl *formatting*
 * (instant→wall, the ground truth) instead of offset arithmetic. Rule times, steps and zone
 * offsets are all multiples of 15 minutes, so a 15-minute instant grid sees every wall time.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;
// Each zone with a date on which its offset changes (a quiet date for zones without DST).
const ZONE_DATES: [string, string][] = [
	['Europe/Paris', '2026-03-29'],
	['Europe/Paris', '2026-10-25'],
	['America/New_York', '2026-03-08'],
	['America/New_York', '2026-11-01'],
	['Pacific/Auckland', '2026-04-05'],
	['Pacific/Auckland', '2026-09-27'],
	['Australia/Lord_Howe', '2026-04-05'],
	['Australia/Lord_Howe', '2026-10-04'],
	// Santiago and Havana change at local midnight: the edge of the engine's uniform-day check.
	['America/Santiago', '2026-04-05'],
	['America/Santiago', '2026-09-06'],
	['America/Havana', '2026-03-08'],
	['America/Havana', '2026-11-01'],
	['Asia/Kathmandu', '2026-06-10'],
	['UTC', '2026-06-10']
];

const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
const hhmm = (m: number) =>
	`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

const wallCache = new Map<string, Map<number, number>>();
/** Wall minute (0..1440) on `date` → latest instant showing it in `zone`, by brute formatting. */
function wallClock(zone: string, date: string): Map<number, number> {
	const key = `${zone} ${date}`;
	const cached = wallCache.get(key);
	if (cached) return cached;
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit'
	});
	const map = new Map<number, number>();
	const next = isoOf(msOf(date) + DAY);
	for (
		let t = msOf(date) - 15 * 60 * MINUTE;
		t <= msOf(date) + DAY + 15 * 60 * MINUTE;
		t += 15 * MINUTE
	) {
		const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, x.value]));
		const shown = `${p.year}-${p.month}-${p.day}`;
		const minute = Number(p.hour) * 60 + Number(p.minute);
		if (shown === date) map.set(minute, t);
		if (shown === next && minute === 0) map.set(1440, t);
	}
	wallCache.set(key, map);
	return map;
}

function reference(rules: AvailabilityRule[], busy: BusyInterval[], q: SlotQuery): Slot[] {
	const out: Slot[] = [];
	const duration = q.durationMinutes;
	const step = q.stepMinutes ?? 30;
	for (let day = msOf(q.startDate); day <= msOf(q.endDate); day += DAY) {
		const date = isoOf(day);
		const applies = rules.filter((r) =>
			r.isRecurring ? r.dayOfWeek === new Date(day).getUTCDay() : r.specificDate === date
		);
		const covers = (r: AvailabilityRule, m: number) =>
			minutesOf(r.startTime) <= m && m < minutesOf(r.endTime);
		const open = Array.from(
			{ length: 1440 },
			(_, m) =>
				applies.some((r) => r.isAvailable && covers(r, m)) &&
				!applies.some((r) => !r.isAvailable && covers(r, m))
		);
		const wall = wallClock(q.timeZone, date);
		for (let s = 0; s + duration <= 1440; s++) {
			if (s % step !== 0) continue;
			if (!open.slice(s, s + duration).every(Boolean)) continue;
			const a = wall.get(s);
			const b = wall.get(s + duration);
			if (a === undefined || b === undefined || b - a !== duration * MINUTE) continue;
			if (a < q.now.getTime() + q.minNoticeMinutes * MINUTE) continue;
			if (a > q.now.getTime() + q.horizonDays * DAY) continue;
			if (busy.some((x) => x.startsAt.getTime() < b && a < x.endsAt.getTime())) continue;
			const slot = { date, startTime: hhmm(s), endTime: hhmm(s + duration) };
			out.push({ ...slot, startsAt: new Date(a), endsAt: new Date(b) });
		}
	}
	return out.sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
}

// Times are drawn on a coarse grid (more touching and overlapping rules) and often at night,
// or late evening, where the DST changes happen.
const ruleArb = fc.record({
	isRecurring: fc.boolean(),
	dayOfWeek: fc.integer({ min: 0, max: 6 }),
	dayOffset: fc.integer({ min: -1, max: 4 }),
	start: fc.oneof(
		fc.integer({ min: 0, max: 300 }),
		fc.integer({ min: 1200, max: 1425 }),
		fc.integer({ min: 0, max: 1425 })
	),
	length: fc.integer({ min: -60, max: 720 }),
	isAvailable: fc.constantFrom(true, true, true, false)
});
// Busy sessions on the 15-minute grid so that back-to-back with a slot happens often.
const busyArb = fc.record({
	offsetQuarters: fc.integer({ min: -96, max: 5 * 96 }),
	lengthQuarters: fc.integer({ min: 1, max: 20 })
});
const scenarioArb = fc.record({
	zoneDate: fc.constantFrom(...ZONE_DATES),
	daysBefore: fc.integer({ min: 0, max: 2 }),
	span: fc.integer({ min: 0, max: 3 }),
	grid: fc.constantFrom(15, 30, 60),
	durationMinutes: fc.constantFrom(30, 60, 90, 120, 180, 240),
	stepMinutes: fc.constantFrom(15, 30, 45, 60),
	nowOffsetQuarters: fc.integer({ min: -3 * 96, max: 3 * 96 }),
	minNoticeMinutes: fc.constantFrom(0, 60, 120, 720),
	horizonDays: fc.constantFrom(0, 1, 2, 90),
	rules: fc.array(ruleArb, { minLength: 1, maxLength: 8 }),
	busy: fc.array(busyArb, { maxLength: 8 })
});

const snap = (minutes: number, grid: number) =>
	Math.min(1440, Math.max(0, Math.round(minutes / grid) * grid));

function buildScenario(sc: typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never) {
	const [timeZone, changeDate] = sc.zoneDate;
	const base = msOf(changeDate) - sc.daysBefore * DAY;
	const rules: AvailabilityRule[] = sc.rules.map((r) => {
		const start = Math.min(snap(r.start, sc.grid), 1440 - sc.grid);
		return {
			isRecurring: r.isRecurring,
			dayOfWeek: r.isRecurring ? r.dayOfWeek : null,
			specificDate: r.isRecurring ? null : isoOf(base + r.dayOffset * DAY),
			startTime: hhmm(start),
			endTime: hhmm(snap(start + r.length, sc.grid)),
			isAvailable: r.isAvailable
		};
	});
	const busy = sc.busy.map((b) => ({
		startsAt: new Date(base + b.offsetQuarters * 15 * MINUTE),
		endsAt: new Date(base + (b.offsetQuarters + b.lengthQuarters) * 15 * MINUTE)
	}));
	const query: SlotQuery = {
		timeZone,
		startDate: isoOf(base),
		endDate: isoOf(base + sc.span * DAY),
		durationMinutes: sc.durationMinutes,
		stepMinutes: sc.stepMinutes,
		now: new Date(base + sc.nowOffsetQuarters * 15 * MINUTE),
		minNoticeMinutes: sc.minNoticeMinutes,
		horizonDays: sc.horizonDays
	};
	return { rules, busy, query };
}

describe('computeSlots property', () => {
	it('matches the brute-force reference', () => {
		fc.assert(
			fc.property(scenarioArb, (sc) => {
				const { rules, busy, query } = buildScenario(sc);
				expect(computeSlots(rules, busy, query)).toEqual(reference(rules, busy, query));
			}),
			{ numRuns: 400 }
		);
	});

	it('with a limit, gives the first slots of the unlimited answer (across DST changes)', () => {
		fc.assert(
			fc.property(scenarioArb, fc.integer({ min: 1, max: 3 }), (sc, limit) => {
				const { rules, busy, query } = buildScenario(sc);
				expect(computeSlots(rules, busy, { ...query, limit })).toEqual(
					computeSlots(rules, busy, query).slice(0, limit)
				);
			}),
			{ numRuns: 400 }
		);
	});
});
