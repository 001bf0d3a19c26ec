/**
 * The one coach-zone lookup. Availability is written in the coach's zone, so booking, rescheduling,
 * the coach's calendar and analytics all need it; 404 when the id is not a coach.
 */
import type { IsoDate } from '$lib/core/time/types';
import type { Tx } from '$lib/server/db';
import { ApiError } from '$lib/server/http/errors';

export interface CoachCalendar {
	timeZone: string;
	/** Today's date in the coach's zone. */
	today: IsoDate;
}

export async function coachCalendar(tx: Tx, coachId: string): Promise<CoachCalendar> {
	const [row] = await tx<CoachCalendar[]>`
		select time_zone as "timeZone",
			to_char((now() at time zone time_zone)::date, 'YYYY-MM-DD') as today
		from public.profiles where id = ${coachId} and role = 'coach'`;
	if (!row) throw new ApiError(404, 'NOT_FOUND', 'No such coach');
	return row;
}

export async function coachTimeZone(tx: Tx, coachId: string): Promise<string> {
	return (await coachCalendar(tx, coachId)).timeZone;
}
