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

export async function staffHome(tx: Tx) {
	const [counts] = await tx<
		{ coaches: number; families: number; today: number; upcoming: number }[]
	>`
		select
			(select count(*)::int from public.profiles where role = 'coach') as coaches,
			(select count(*)::int from public.profiles where role = 'parent') as families,
			(select count(*)::int from public.session_bookings
				where starts_at::date = now()::date and status <> 'CANCELLED') as today,
			(select count(*)::int from public.session_bookings
				where starts_at > now() and status in ('SCHEDULED', 'CONFIRMED')) as upcoming`;
	return { ...counts!, upcoming: await listUpcomingSessions(tx, 10) };
}
