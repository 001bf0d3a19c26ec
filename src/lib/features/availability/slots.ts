/**
 * Slot engine. This is the product rule; the SQL booking function implements the same one.
 *
 * For each calendar date D in [startDate, endDate], in the coach's zone:
 *   open(D) = (weekly available rules for dow(D) ∪ specific available rules for D)
 *           − (weekly unavailable rules for dow(D) ∪ specific unavailable rules for D)
 * so a specific-date rule can add hours or remove them (a day off is 00:00–24:00 unavailable).
 * Touching intervals merge (09:00–10:00 + 10:00–11:00 offers 09:30–10:30).
 *
 * Candidates: the starts on the step grid of the wall clock (00:00, 00:30, … for a 30-minute step,
 * the policy's start grid) inside each maximal open interval [a, b), while start+duration ≤ b.
 * A slot starts and ends on D; an end of exactly 24:00 is allowed and formatted '24:00'.
 * Wall times become instants in the zone. A candidate is dropped when its start or end falls in a
 * DST gap, or when its real length differs from the wall length (DST change inside it).
 * Ambiguous (fall-back) wall times take the later instant, like Postgres (see resolveLocalMs).
 * Then dropped: startsAt < now + minNotice, startsAt > now + horizonDays × 24 h, and any overlap
 * with a busy interval (half-open, so back-to-back bookings are fine). Output is sorted by startsAt without duplicates.
 *
 * Rules with malformed/inverted times or a missing day are ignored here; validateDaySlots
 * (rules.ts) is what reports them.
 */
import { normalize, overlapsAny, subtract, type Interval } from './intervals';
import {
	formatIsoDate,
	formatWallTime,
	MS_PER_DAY,
	MS_PER_MINUTE,
	parseIsoDate,
	parseWallTime,
	resolveLocalMs,
	zoneOffsetMs
} from '$lib/core/time/wall-clock';
import { isUsableTimeZone } from '$lib/core/time/zones';
import {
	DURATION_MULTIPLE_MINUTES,
	MAX_DURATION_MINUTES,
	MIN_DURATION_MINUTES,
	START_GRID_MINUTES,
	type BookingPolicy
} from '$lib/core/policy';
import type { AvailabilityRule, BusyInterval, IsoDate, Slot, SlotQuery } from './types';

/** The part of a slot query the booking policy decides (the same values book_session checks). */
export const policyLimits = (policy: BookingPolicy) => ({
	minNoticeMinutes: policy.minNoticeMinutes,
	horizonDays: policy.horizonDays,
	stepMinutes: policy.startGridMinutes
});

export const DEFAULT_STEP_MINUTES = START_GRID_MINUTES;

interface DayRules {
	available: Interval[];
	unavailable: Interval[];
}

/** Rules indexed once per call so each date costs a lookup, not a scan of every rule. */
export interface CompiledRules {
	weekly: DayRules[];
	/** open(D) per weekday for dates without specific rules (the common case). */
	weeklyOpen: Interval[][];
	specific: Map<IsoDate, DayRules>;
}

const emptyDay = (): DayRules => ({ available: [], unavailable: [] });

function dayFor(rule: AvailabilityRule, compiled: CompiledRules): DayRules | null {
	if (rule.isRecurring) {
		return rule.dayOfWeek === null ? null : (compiled.weekly[rule.dayOfWeek] ?? null);
	}
	if (rule.specificDate === null || parseIsoDate(rule.specificDate) === null) return null;
	let day = compiled.specific.get(rule.specificDate);
	if (day === undefined) compiled.specific.set(rule.specificDate, (day = emptyDay()));
	return day;
}

export function compileRules(rules: readonly AvailabilityRule[]): CompiledRules {
	const compiled: CompiledRules = {
		weekly: Array.from({ length: 7 }, emptyDay),
		weeklyOpen: [],
		specific: new Map()
	};
	for (const rule of rules) {
		const day = dayFor(rule, compiled);
		const start = parseWallTime(rule.startTime);
		const end = parseWallTime(rule.endTime, true);
		if (day === null || start === null || end === null) continue;
		(rule.isAvailable ? day.available : day.unavailable).push({ start, end });
	}
	compiled.weeklyOpen = compiled.weekly.map((day) => subtract(day.available, day.unavailable));
	return compiled;
}

/** open(D) in wall-clock minutes, given D's weekday. */
export function openIntervalsOn(compiled: CompiledRules, date: IsoDate, dow: number): Interval[] {
	const weekly = compiled.weekly[dow] ?? emptyDay();
	const extra = compiled.specific.get(date);
	if (extra === undefined) return compiled.weeklyOpen[dow] ?? [];
	return subtract(
		[...weekly.available, ...extra.available],
		[...weekly.unavailable, ...extra.unavailable]
	);
}

interface Search {
	durationMinutes: number;
	stepMinutes: number;
	earliestStartMs: number;
	latestStartMs: number;
	busy: Interval[];
}

function checkQuery(query: SlotQuery): { firstDayMs: number; lastDayMs: number; step: number } {
	const firstDayMs = parseIsoDate(query.startDate);
	const lastDayMs = parseIsoDate(query.endDate);
	const { durationMinutes: duration, minNoticeMinutes: notice } = query;
	const step = query.stepMinutes ?? DEFAULT_STEP_MINUTES;
	if (firstDayMs === null || lastDayMs === null) throw new RangeError('Dates must be YYYY-MM-DD');
	if (!isUsableTimeZone(query.timeZone)) throw new RangeError(`Unknown zone: ${query.timeZone}`);
	if (
		!Number.isInteger(duration) ||
		duration < MIN_DURATION_MINUTES ||
		duration > MAX_DURATION_MINUTES ||
		duration % DURATION_MULTIPLE_MINUTES !== 0
	) {
		throw new RangeError(`Invalid durationMinutes: ${duration}`);
	}
	if (!Number.isInteger(step) || step <= 0) throw new RangeError(`Invalid stepMinutes: ${step}`);
	if (!Number.isFinite(notice) || notice < 0) throw new RangeError(`Invalid minNotice: ${notice}`);
	if (!Number.isInteger(query.horizonDays) || query.horizonDays < 0) {
		throw new RangeError(`Invalid horizonDays: ${query.horizonDays}`);
	}
	if (Number.isNaN(query.now.getTime())) throw new RangeError('Invalid now');
	return { firstDayMs, lastDayMs, step };
}

/**
 * Zone offset sampled at (local midnight of day k) − 1 day. Every instant of day i lies within
 * samples i..i+3 (offsets are within −12h..+14h), so when those four agree the whole day uses one
 * offset and wall→instant is a subtraction: this avoids a tz lookup per candidate.
 */
function sampleOffsets(timeZone: string, firstDayMs: number, dayCount: number): number[] {
	return Array.from({ length: dayCount + 3 }, (_, k) =>
		zoneOffsetMs(timeZone, firstDayMs + (k - 1) * MS_PER_DAY)
	);
}

function dayConverter(timeZone: string, dayMs: number, offsets: number[], i: number) {
	const offset = offsets[i];
	const uniform =
		offset !== undefined && offsets.slice(i + 1, i + 4).every((other) => other === offset);
	return uniform
		? (minutes: number): number | null => dayMs + minutes * MS_PER_MINUTE - offset
		: (minutes: number): number | null => resolveLocalMs(dayMs + minutes * MS_PER_MINUTE, timeZone);
}

function collectDay(
	search: Search,
	date: IsoDate,
	open: Interval[],
	toInstant: (minutes: number) => number | null,
	out: Slot[]
): void {
	const { durationMinutes: duration, stepMinutes: step } = search;
	for (const { start, end } of open) {
		for (let minute = Math.ceil(start / step) * step; minute + duration <= end; minute += step) {
			const startsAt = toInstant(minute);
			const endsAt = toInstant(minute + duration);
			if (startsAt === null || endsAt === null) continue; // DST gap
			if (endsAt - startsAt !== duration * MS_PER_MINUTE) continue; // DST change inside
			if (startsAt < search.earliestStartMs || startsAt > search.latestStartMs) continue;
			if (overlapsAny(search.busy, { start: startsAt, end: endsAt })) continue;
			out.push({
				date,
				startTime: formatWallTime(minute),
				endTime: formatWallTime(minute + duration),
				startsAt: new Date(startsAt),
				endsAt: new Date(endsAt)
			});
		}
	}
}

function sortUnique(slots: Slot[]): Slot[] {
	slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
	return slots.filter((slot, i) => slot.startsAt.getTime() !== slots[i - 1]?.startsAt.getTime());
}

/** Bookable slots; throws RangeError on an invalid query (bad dates, zone, duration, step…). */
export function computeSlots(
	rules: readonly AvailabilityRule[],
	busy: readonly BusyInterval[],
	query: SlotQuery
): Slot[] {
	const { firstDayMs, lastDayMs, step } = checkQuery(query);
	const dayCount = Math.round((lastDayMs - firstDayMs) / MS_PER_DAY) + 1;
	if (dayCount <= 0) return [];
	const compiled = compileRules(rules);
	const search: Search = {
		durationMinutes: query.durationMinutes,
		stepMinutes: step,
		earliestStartMs: query.now.getTime() + query.minNoticeMinutes * MS_PER_MINUTE,
		latestStartMs: query.now.getTime() + query.horizonDays * MS_PER_DAY,
		busy: normalize(busy.map((b) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime() })))
	};
	const offsets = sampleOffsets(query.timeZone, firstDayMs, dayCount);
	const slots: Slot[] = [];
	for (let i = 0; i < dayCount; i++) {
		const dayMs = firstDayMs + i * MS_PER_DAY;
		const date = formatIsoDate(dayMs);
		const open = openIntervalsOn(compiled, date, new Date(dayMs).getUTCDay());
		if (open.length === 0) continue;
		collectDay(search, date, open, dayConverter(query.timeZone, dayMs, offsets, i), slots);
		// Days come in order and each day's starts are later than the previous day's: once
		// enough are found, the rest of the range cannot hold an earlier one.
		if (query.limit !== undefined && sortUnique(slots).length >= query.limit) break;
	}
	const sorted = sortUnique(slots);
	return query.limit === undefined ? sorted : sorted.slice(0, query.limit);
}
