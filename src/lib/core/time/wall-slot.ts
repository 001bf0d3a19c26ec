import {
	formatIsoDate,
	formatWallTime,
	MINUTES_PER_DAY,
	MS_PER_DAY,
	MS_PER_MINUTE,
	zoneOffsetMs
} from './wall-clock';

export interface WallSlot {
	/** 'YYYY-MM-DD' in `timeZone`. */
	date: string;
	startTime: string;
	endTime: string;
}

/**
 * A start instant and a length → the wall-clock date and times in `timeZone`
 * that the booking API expects, or null when the session would run past
 * midnight (the slot engine never offers one). A DST change inside the
 * session is left for the booking service to refuse.
 */
export function wallSlotOf(
	startsAt: Date,
	durationMinutes: number,
	timeZone: string
): WallSlot | null {
	const local = startsAt.getTime() + zoneOffsetMs(timeZone, startsAt.getTime());
	const midnight = Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
	const start = Math.round((local - midnight) / MS_PER_MINUTE);
	const end = start + durationMinutes;
	if (end > MINUTES_PER_DAY) return null;
	return {
		date: formatIsoDate(midnight),
		startTime: formatWallTime(start),
		endTime: formatWallTime(end)
	};
}
