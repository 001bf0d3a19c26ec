import type { UpcomingSession } from '$lib/features/sessions/types';
import type { Tx } from '$lib/server/db';

/** The caller's next sessions; RLS decides whose (own, children's, coached, all). */
export function listUpcomingSessions(tx: Tx, limit = 5): Promise<UpcomingSession[]> {
	return tx<UpcomingSession[]>`
		select s.id, s.title, s.subject_code as "subjectCode", s.starts_at as "startsAt",
			s.ends_at as "endsAt", s.status, s.modality,
			c.first_name || ' ' || c.last_name as "coachName",
			st.first_name || ' ' || st.last_name as "studentName"
		from public.session_bookings s
		join public.profiles c on c.id = s.coach_id
		join public.profiles st on st.id = s.student_id
		where s.ends_at > now() and s.status in ('SCHEDULED', 'CONFIRMED', 'IN_PROGRESS')
		order by s.starts_at
		limit ${limit}`;
}

export async function studentHome(tx: Tx) {
	const [account] = await tx<{ balance: number }[]>`
		select balance from public.credit_accounts where student_id = (select auth.uid())`;
	return { balance: account?.balance ?? 0, upcoming: await listUpcomingSessions(tx) };
}

/** A session's start falls on the date `now` has in `timeZone` (a `where` condition). */
export const onViewerDay = (tx: Tx, timeZone: string, now: Date) => tx`
	(starts_at at time zone ${timeZone})::date
		= (${now.toISOString()}::timestamptz at time zone ${timeZone})::date`;

/**
 * Sessions (not cancelled) whose start falls on the date `now` has in `timeZone`: the viewer's
 * day, not the database's (neither its zone nor its clock). `coachId` narrows it to one coach.
 */
export async function sessionsToday(
	tx: Tx,
	timeZone: string,
	now: Date,
	coachId?: string
): Promise<number> {
	const [row] = await tx<{ count: number }[]>`
		select count(*)::int as count from public.session_bookings
		where ${onViewerDay(tx, timeZone, now)} and status <> 'CANCELLED'
			${coachId ? tx`and coach_id = ${coachId}` : tx``}`;
	return row?.count ?? 0;
}
