import { tzOffset } from '@date-fns/tz';
import type { IsoDate, WallTime } from './types';

export const MINUTES_PER_DAY = 1440;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * 'HH:MM' → minutes since midnight, or null when malformed.
 * '24:00' (= 1440) is only meaningful as an end time, hence opt-in.
 */
export function parseWallTime(value: string, allowEndOfDay = false): number | null {
	if (value === '24:00') return allowEndOfDay ? MINUTES_PER_DAY : null;
	const match = WALL_TIME.exec(value);
	return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Minutes since midnight (0..1440) → 'HH:MM'; 1440 gives '24:00'. */
export function formatWallTime(minutes: number): WallTime {
	if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
		throw new RangeError(`Invalid minutes since midnight: ${minutes}`);
	}
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * 'YYYY-MM-DD' → ms of that date's UTC midnight, or null when not a real calendar date.
 * UTC is used purely as a time-zone-free calendar, so the process TZ never matters.
 */
export function parseIsoDate(date: string): number | null {
	const match = ISO_DATE.exec(date);
	if (!match) return null;
	const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	// Date.UTC silently rolls 2026-02-30 over to March; the round trip rejects it.
	return formatIsoDate(ms) === date ? ms : null;
}

/** Inverse of parseIsoDate. */
export function formatIsoDate(utcMidnightMs: number): IsoDate {
	return new Date(utcMidnightMs).toISOString().slice(0, 10);
}

function requireIsoDate(date: string): number {
	const ms = parseIsoDate(date);
	if (ms === null) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${date}`);
	return ms;
}

export function isValidIsoDate(date: string): boolean {
	return parseIsoDate(date) !== null;
}

/** Sunday = 0 … Saturday = 6, like Date#getDay and Postgres extract(dow). */
export function dayOfWeek(date: IsoDate): number {
	return new Date(requireIsoDate(date)).getUTCDay();
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return formatIsoDate(requireIsoDate(date) + days * MS_PER_DAY);
}

/** Every calendar date from start to end, both inclusive; empty when start > end. */
export function eachDate(start: IsoDate, end: IsoDate): IsoDate[] {
	const last = requireIsoDate(end);
	const dates: IsoDate[] = [];
	for (let ms = requireIsoDate(start); ms <= last; ms += MS_PER_DAY) dates.push(formatIsoDate(ms));
	return dates;
}

/** UTC offset of the zone at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
	return tzOffset(timeZone, new Date(instantMs)) * MS_PER_MINUTE;
}

/**
 * Resolve a wall-clock time (encoded as if it were UTC: Date.UTC(y, m, d, h, min)) to an instant.
 * Returns null in a DST gap. In a DST overlap the LATER instant (post-transition offset) wins:
 * this matches Postgres `timestamp AT TIME ZONE` and TZDate, so the SQL side agrees with us.
 * Assumes at most one offset change within ±1 day, true for every real zone.
 */
export function resolveLocalMs(localMs: number, timeZone: string): number | null {
	const before = zoneOffsetMs(timeZone, localMs - MS_PER_DAY);
	const after = zoneOffsetMs(timeZone, localMs + MS_PER_DAY);
	let best: number | null = null;
	for (const offset of before === after ? [before] : [before, after]) {
		const instant = localMs - offset;
		// An interpretation is real only if the zone actually uses that offset at that instant.
		if (zoneOffsetMs(timeZone, instant) === offset && (best === null || instant > best)) {
			best = instant;
		}
	}
	return best;
}

/** Wall-clock `minutes` (0..1440) on `date` in `timeZone` → instant; null if it does not exist. */
export function localDateTimeToInstant(
	date: IsoDate,
	minutes: number,
	timeZone: string
): Date | null {
	if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
		throw new RangeError(`Invalid minutes since midnight: ${minutes}`);
	}
	const instant = resolveLocalMs(requireIsoDate(date) + minutes * MS_PER_MINUTE, timeZone);
	return instant === null ? null : new Date(instant);
}
