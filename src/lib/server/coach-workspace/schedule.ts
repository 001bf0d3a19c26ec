/** The coach's schedule: recent sessions still to close and everything booked ahead. */
import { addDays } from '$lib/domain/availability/time';
import { toScheduleSession, type ScheduleSession } from '$lib/components/coach/schedule/model';
import { listSessions } from '../booking/sessions';
import type { Tx } from '../db';
import { coachCalendar } from './availability';

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
