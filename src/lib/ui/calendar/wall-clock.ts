/**
 * Instants ↔ wall-clock strings in a named zone, by plain arithmetic on the zone offset, so the
 * result never depends on the browser's own time zone.
 */
import { addDays, zoneOffsetMs } from '$lib/core/time/wall-clock';
import type { IsoDate, WallTime } from '$lib/core/time/types';

export interface WallClock {
	date: IsoDate;
	time: WallTime;
}

export function wallClock(instant: Date | string, timeZone: string): WallClock {
	const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
	const iso = new Date(ms + zoneOffsetMs(timeZone, ms)).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The real clock; state classes take a clock so tests can pin "now". */
export const systemClock = (): Date => new Date();

export const todayIn = (timeZone: string, now = new Date()): IsoDate =>
	wallClock(now, timeZone).date;

/** A wall-clock range on one date; an end at the next midnight (or later) becomes '24:00'. */
export function wallRange(
	startsAt: Date | string,
	endsAt: Date | string,
	timeZone: string
): { date: IsoDate; startTime: WallTime; endTime: WallTime } {
	const start = wallClock(startsAt, timeZone);
	const end = wallClock(endsAt, timeZone);
	const endTime = end.date === start.date ? end.time : '24:00';
	return { date: start.date, startTime: start.time, endTime };
}

/** FullCalendar date strings ('2026-11-24T17:00:00+01:00') → wall-clock parts. */
export function parseCalendarString(value: string): WallClock {
	return { date: value.slice(0, 10), time: value.slice(11, 16) || '00:00' };
}

/**
 * A calendar selection or event [start, end) → one day's wall range; null when it spans more
 * than one day (an end at the next midnight is '24:00' on the start date).
 */
export function readCalendarRange(
	startStr: string,
	endStr: string
): { date: IsoDate; startTime: WallTime; endTime: WallTime } | null {
	const start = parseCalendarString(startStr);
	const end = parseCalendarString(endStr);
	if (end.date === start.date) return { date: start.date, ...times(start.time, end.time) };
	if (end.date === addDays(start.date, 1) && end.time === '00:00') {
		return { date: start.date, ...times(start.time, '24:00') };
	}
	return null;
}

const times = (startTime: WallTime, endTime: WallTime) => ({ startTime, endTime });

/** A wall time on a date as FullCalendar input (no offset: read in the calendar's zone). */
export function calendarString(date: IsoDate, time: WallTime): string {
	return time === '24:00' ? `${addDays(date, 1)}T00:00:00` : `${date}T${time}:00`;
}

/** Monday of the week containing `date`. */
export function mondayOf(date: IsoDate): IsoDate {
	const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
	return addDays(date, -((dow + 6) % 7));
}
