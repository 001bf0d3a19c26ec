/**
 * The pure slot engine on a realistic coach: six weekly rules, a day off, an extra evening and
 * three sessions a week, over eight weeks that cross the spring daylight-saving change.
 */
import { computeSlots } from '../src/lib/features/availability/slots';
import { addDays } from '../src/lib/core/time/wall-clock';
import { dateRule, weeklyRule } from '../src/lib/features/availability/test-support/builders';
import type { AvailabilityRule, BusyInterval } from '../src/lib/features/availability/types';
import { p50p95, round } from './stats';

const START = '2027-03-01';
const WEEKS = 8;

const RULES: AvailabilityRule[] = [
	weeklyRule(1, '17:00', '20:00'),
	weeklyRule(2, '17:00', '20:00'),
	weeklyRule(3, '14:00', '19:00'),
	weeklyRule(4, '17:00', '20:00'),
	weeklyRule(5, '17:00', '19:00'),
	weeklyRule(6, '09:00', '12:00'),
	dateRule(addDays(START, 16), '00:00', '24:00', false),
	dateRule(addDays(START, 24), '20:00', '22:00', true)
];

/** Three one-hour sessions a week (START is a Monday: Monday, Wednesday, Saturday), in UTC instants. */
function busyIntervals(): BusyInterval[] {
	const busy: BusyInterval[] = [];
	for (let week = 0; week < WEEKS; week++) {
		for (const [offset, hourUtc] of [
			[0, 16],
			[2, 13],
			[5, 8]
		] as const) {
			const startsAt = new Date(`${addDays(START, week * 7 + offset)}T${hourUtc}:00:00Z`);
			busy.push({ startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
		}
	}
	return busy;
}

export function benchSlots(iterations = 2000, warmup = 300) {
	const busy = busyIntervals();
	const query = {
		timeZone: 'Europe/Paris',
		startDate: START,
		endDate: addDays(START, WEEKS * 7 - 1),
		durationMinutes: 60,
		now: new Date('2027-02-27T12:00:00Z'),
		minNoticeMinutes: 120,
		horizonDays: 90
	};
	let slots = 0;
	for (let i = 0; i < warmup; i++) slots = computeSlots(RULES, busy, query).length;
	const samples: number[] = [];
	for (let i = 0; i < iterations; i++) {
		const started = process.hrtime.bigint();
		computeSlots(RULES, busy, query);
		samples.push(Number(process.hrtime.bigint() - started) / 1000);
	}
	const { p50, p95 } = p50p95(samples);
	return { p50_us: round(p50, 1), p95_us: round(p95, 1), iterations, slots_per_call: slots };
}
