/** The coach's schedule: recent sessions still to close and everything booked ahead. */
import { addDays } from '$lib/core/time/wall-clock';
import { toScheduleSession, type ScheduleSession } from './schedule/model';
import { listSessions } from './read-model.server';
import type { Tx } from '$lib/server/db';
import { coachCalendar } from '$lib/features/people/zones.server';

export interface CoachScheduleData {
	timeZone: string;
	sessions: ScheduleSession[];
}

/** Two weeks back lets a coach close sessions they forgot; families book 90 days ahead. */
const PAST_DAYS = 14;
const AHEAD_DAYS = 92;

export async function loadSchedule(tx: Tx, coachId: string): Promise<CoachScheduleData> {
	const { timeZone, today } = await coachCalendar(tx, coachId);
	const sessions = await listSessions(tx, {
		userId: coachId,
		startDate: addDays(today, -PAST_DAYS),
		endDate: addDays(today, AHEAD_DAYS),
		limit: 200
	});
	return { timeZone, sessions: sessions.map(toScheduleSession) };
}
