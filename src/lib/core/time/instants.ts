import {
	formatIsoDate,
	localDateTimeToInstant,
	MS_PER_DAY,
	parseWallTime,
	zoneOffsetMs
} from './wall-clock';
import type { IsoDate, WallTime } from './types';

/**
 * A date and wall-clock time in `timeZone` → the instant, or null when that wall time does not
 * exist there (spring-forward gap). '24:00' is accepted as the end of the day.
 */
export function wallClockToInstant(date: IsoDate, time: WallTime, timeZone: string): Date | null {
	const minutes = parseWallTime(time, true);
	if (minutes === null) throw new RangeError(`Invalid wall time: ${time}`);
	return localDateTimeToInstant(date, minutes, timeZone);
}

/** The calendar date an instant falls on in `timeZone` ("today" for a coach abroad). */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
	const local = instant.getTime() + zoneOffsetMs(timeZone, instant.getTime());
	return formatIsoDate(Math.floor(local / MS_PER_DAY) * MS_PER_DAY);
}

/** Wall-clock length of start–end in minutes (null when either time is malformed). */
export function wallMinutesBetween(start: WallTime, end: WallTime): number | null {
	const from = parseWallTime(start);
	const to = parseWallTime(end, true);
	return from === null || to === null ? null : to - from;
}
