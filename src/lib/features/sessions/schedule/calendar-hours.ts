/**
 * The hours the coach's schedule calendar draws: the usual 08:00–22:00, widened so every
 * session it shows is on the grid — a 07:00 lesson, or one running past midnight, in the
 * coach's time zone whatever the browser's.
 */
import { visibleHours, type WallHours } from '$lib/ui/calendar/visible-hours';
import { wallClock } from '$lib/ui/calendar/wall-clock';

export function scheduleHours(
	sessions: readonly { startsAt: string; endsAt: string }[],
	timeZone: string
) {
	return visibleHours(sessions.flatMap((s) => dayParts(s.startsAt, s.endsAt, timeZone)));
}

/** One session as the wall-clock part it covers on each day it touches. */
function dayParts(startsAt: string, endsAt: string, timeZone: string): WallHours[] {
	const start = wallClock(startsAt, timeZone);
	const end = wallClock(endsAt, timeZone);
	if (end.date === start.date) return [{ startTime: start.time, endTime: end.time }];
	const parts: WallHours[] = [{ startTime: start.time, endTime: '24:00' }];
	// A session past midnight also occupies the next day from 00:00 (longer spans: all day).
	if (end.time !== '00:00' || Date.parse(endsAt) - Date.parse(startsAt) > 86_400_000)
		parts.push({ startTime: '00:00', endTime: end.time === '00:00' ? '24:00' : end.time });
	return parts;
}
