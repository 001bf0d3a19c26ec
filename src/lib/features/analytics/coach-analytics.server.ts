/**
 * The coach analytics panel: this month's delivered sessions, utilisation and credits, the
 * average rating with the latest feedback, and six months of history for the chart. Months are
 * calendar months in the coach's zone.
 */
import { loadCoachSchedule } from '$lib/features/availability/repository.server';
import type { Tx } from '$lib/server/db';
import { coachCalendar } from '$lib/features/people/zones.server';
import type { CoachAnalytics, MonthPoint, LatestFeedback } from './types';
import { availableMinutes, bookedMinutes, lastMonths, monthOf, utilisation } from './utilisation';

const HISTORY_MONTHS = 6;
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

export async function loadAnalytics(tx: Tx, coachId: string): Promise<CoachAnalytics> {
	const { timeZone, today } = await coachCalendar(tx, coachId);
	const range = monthOf(today);
	const months = lastMonths(today.slice(0, 7), HISTORY_MONTHS);
	const [schedule, history, rating, latest] = await Promise.all([
		loadCoachSchedule(tx, coachId, range.start, range.end),
		tx<MonthPoint[]>`
			select to_char(s.starts_at at time zone ${timeZone}, 'YYYY-MM') as month,
				count(*)::int as delivered, coalesce(sum(s.credits_used), 0)::int as credits
			from public.session_bookings s
			where s.coach_id = ${coachId} and s.status = 'COMPLETED'
				and s.starts_at >= (${`${months[0]}-01`}::date::timestamp at time zone ${timeZone})
			group by 1`,
		tx<{ average: number | null; count: number }[]>`
			select round(avg(rating)::numeric, 1)::float8 as average, count(rating)::int as count
			from public.session_bookings where coach_id = ${coachId} and rating is not null`,
		tx<LatestFeedback[]>`
			select s.rating, s.feedback, s.title, coalesce(st.first_name, '') as "studentFirstName",
				to_char(s.rated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "ratedAt"
			from public.session_bookings s
			left join public.profiles st on st.id = s.student_id
			where s.coach_id = ${coachId} and s.rating is not null
			order by s.rated_at desc limit 1`
	]);
	const byMonth = new Map(history.map((point) => [point.month, point]));
	const points = months.map((month) => byMonth.get(month) ?? { month, delivered: 0, credits: 0 });
	const current = points.at(-1) ?? { month: months.at(-1) ?? '', delivered: 0, credits: 0 };
	const open = schedule ? availableMinutes(schedule.rules, range) : 0;
	const booked = schedule ? bookedMinutes(schedule.busy, range, timeZone) : 0;
	return {
		month: current.month,
		delivered: current.delivered,
		creditsEarned: current.credits,
		bookedHours: hours(booked),
		availableHours: hours(open),
		utilisation: utilisation(booked, open),
		averageRating: rating[0]?.average ?? null,
		ratingCount: rating[0]?.count ?? 0,
		latestFeedback: latest[0] ?? null,
		history: points
	};
}
