import { parseWallTime } from '$lib/core/time/wall-clock';

/** A wall-clock range on one day; '24:00' ends it at midnight. */
export interface WallHours {
	startTime: string;
	endTime: string;
}

const DEFAULT_FIRST_HOUR = 8;
const DEFAULT_LAST_HOUR = 22;

const hourString = (hour: number) => `${String(hour).padStart(2, '0')}:00:00`;

/**
 * The hours a time grid shows (FullCalendar's slotMinTime / slotMaxTime): 08:00–22:00, the
 * after-school hours of tutoring, widened to whole hours so that every range given is drawn.
 */
export function visibleHours(ranges: readonly WallHours[]) {
	const starts = ranges.map((r) => parseWallTime(r.startTime)).filter((m) => m !== null);
	const ends = ranges.map((r) => parseWallTime(r.endTime, true)).filter((m) => m !== null);
	const first = Math.min(DEFAULT_FIRST_HOUR, ...starts.map((m) => Math.floor(m / 60)));
	const last = Math.max(DEFAULT_LAST_HOUR, ...ends.map((m) => Math.ceil(m / 60)));
	return { slotMinTime: hourString(first), slotMaxTime: hourString(Math.min(last, 24)) };
}
