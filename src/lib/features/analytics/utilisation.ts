/**
 * Pure arithmetic of the coach analytics: hours open in a month under the availability rules
 * (the slot engine's own day rule) and booked hours clipped to the same month.
 */
import { compileRules, openIntervalsOn } from '$lib/features/availability/slots';
import { addDays, dayOfWeek, eachDate, localDateTimeToInstant } from '$lib/core/time/wall-clock';
import type { AvailabilityRule, BusyInterval, IsoDate } from '$lib/features/availability/types';

export interface MonthRange {
	/** First day of the month, 'YYYY-MM-01'. */
	start: IsoDate;
	/** Last day of the month. */
	end: IsoDate;
}

/** The month containing `date`. */
export function monthOf(date: IsoDate): MonthRange {
	const start = `${date.slice(0, 7)}-01`;
	const nextMonth = addDays(start, 32).slice(0, 7);
	return { start, end: addDays(`${nextMonth}-01`, -1) };
}

/** Wall-clock minutes open over the month (DST days count their wall hours). */
export function availableMinutes(rules: readonly AvailabilityRule[], month: MonthRange): number {
	const compiled = compileRules(rules);
	return eachDate(month.start, month.end).reduce(
		(total, date) =>
			total +
			openIntervalsOn(compiled, date, dayOfWeek(date)).reduce((m, i) => m + i.end - i.start, 0),
		0
	);
}

/** Minutes of booked sessions inside the month (in the coach's zone). */
export function bookedMinutes(
	busy: readonly BusyInterval[],
	month: MonthRange,
	timeZone: string
): number {
	const from = localDateTimeToInstant(month.start, 0, timeZone)?.getTime() ?? 0;
	const to = localDateTimeToInstant(addDays(month.end, 1), 0, timeZone)?.getTime() ?? 0;
	return busy.reduce((total, b) => {
		const start = Math.max(b.startsAt.getTime(), from);
		const end = Math.min(b.endsAt.getTime(), to);
		return total + Math.max(0, end - start) / 60_000;
	}, 0);
}

/** Booked / available, as a whole percentage; null when nothing was open. */
export function utilisation(booked: number, available: number): number | null {
	return available > 0 ? Math.round((booked / available) * 100) : null;
}

/** The last `count` months ending with `month` ('YYYY-MM'), oldest first. */
export function lastMonths(month: string, count: number): string[] {
	const months: string[] = [];
	let cursor = `${month}-01`;
	for (let i = 0; i < count; i++) {
		months.unshift(cursor.slice(0, 7));
		cursor = `${addDays(cursor, -1).slice(0, 7)}-01`;
	}
	return months;
}
