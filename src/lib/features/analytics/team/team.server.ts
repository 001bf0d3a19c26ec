/**
 * The team analytics, read from the SQL functions that define each figure
 * (`supabase/migrations/20261207100100_team_analytics.sql`): this module only names the
 * columns. Every function checks that the caller is staff (NB_FORBIDDEN otherwise), so a
 * family's or a coach's transaction gets a 403, whatever the route does.
 */
import type { Tx } from '$lib/server/db';
import type {
	AdoptionRow,
	CohortRow,
	DayPoint,
	EngagementMonth,
	FeedbackRow,
	FunnelRow,
	Losses,
	LossRow,
	Rebooking,
	RatingRow,
	RevenueRow,
	TeamAnalytics,
	TeamFilters,
	UtilisationRow
} from './types';

const hours = (minutes: number) => Math.round(minutes / 6) / 10;
const num = (value: string | number | null) => (value === null ? null : Number(value));

/** The arguments every figure takes, in order. */
const args = (tx: Tx, f: TeamFilters, timeZone: string) =>
	tx`${f.from}::date, ${f.to}::date, ${timeZone}::text, ${f.coachId}::uuid, ${f.subject}::text`;

export async function bookingsPerDay(tx: Tx, f: TeamFilters, zone: string): Promise<DayPoint[]> {
	return tx<DayPoint[]>`
		select to_char(day, 'YYYY-MM-DD') as day, booked, held
		from public.analytics_bookings_per_day(${args(tx, f, zone)})`;
}

export async function funnel(tx: Tx, f: TeamFilters, zone: string): Promise<FunnelRow[]> {
	return tx<FunnelRow[]>`
		select step::text as step, families from public.analytics_funnel(${args(tx, f, zone)})`;
}

export async function utilisation(tx: Tx, f: TeamFilters, zone: string): Promise<UtilisationRow[]> {
	const rows = await tx<
		{
			coachId: string | null;
			coachName: string | null;
			open: number;
			booked: number;
			utilisation: string | null;
		}[]
	>`
		select coach_id as "coachId", coach_name as "coachName", open_minutes as open,
			booked_minutes as booked, utilisation
		from public.analytics_utilisation(${args(tx, f, zone)})`;
	return rows.map((r) => ({
		coachId: r.coachId,
		coachName: r.coachName,
		openHours: hours(r.open),
		bookedHours: hours(r.booked),
		utilisation: num(r.utilisation)
	}));
}

export async function engagement(tx: Tx, f: TeamFilters, zone: string): Promise<EngagementMonth[]> {
	const rows = await tx<(Omit<EngagementMonth, 'perStudent'> & { perStudent: string })[]>`
		select month, active_students as "activeStudents", sessions, per_student as "perStudent"
		from public.analytics_engagement(${args(tx, f, zone)})`;
	return rows.map((r) => ({ ...r, perStudent: Number(r.perStudent) }));
}

export async function rebooking(tx: Tx, f: TeamFilters, zone: string): Promise<Rebooking> {
	const [row] = await tx<{ students: number; rebooked: number; share: string | null }[]>`
		select students, rebooked, share from public.analytics_rebooking(${args(tx, f, zone)})`;
	return {
		students: row?.students ?? 0,
		rebooked: row?.rebooked ?? 0,
		share: num(row?.share ?? null)
	};
}

export async function cohorts(tx: Tx, f: TeamFilters, zone: string): Promise<CohortRow[]> {
	const rows = await tx<{ cohort: string; size: number; offset: number; active: number }[]>`
		select cohort, size, month_offset as offset, active
		from public.analytics_cohorts(${args(tx, f, zone)})`;
	const byCohort = new Map<string, CohortRow>();
	for (const row of rows) {
		let cohort = byCohort.get(row.cohort);
		if (!cohort)
			byCohort.set(row.cohort, (cohort = { cohort: row.cohort, size: row.size, active: [] }));
		cohort.active[row.offset] = row.active;
	}
	return [...byCohort.values()];
}

export async function revenue(tx: Tx, f: TeamFilters, zone: string): Promise<RevenueRow[]> {
	const rows = await tx<(Omit<RevenueRow, 'netCents'> & { netCents: string })[]>`
		select dimension, key, label, charged_sessions as "chargedSessions",
			credits_used as "creditsUsed", credits_refunded as "creditsRefunded",
			net_cents as "netCents", cents_per_session as "centsPerSession"
		from public.analytics_revenue(${args(tx, f, zone)})`;
	return rows.map((r) => ({ ...r, netCents: Number(r.netCents) }));
}

export async function losses(tx: Tx, f: TeamFilters, zone: string): Promise<Losses> {
	const rows = await tx<
		(Omit<LossRow, 'outcome'> & { outcome: LossRow['outcome'] | null; total: number })[]
	>`
		select outcome::text as outcome, by_whom as "byWhom", refunded, sessions, total
		from public.analytics_cancellations(${args(tx, f, zone)})`;
	return {
		total: rows[0]?.total ?? 0,
		rows: rows.flatMap(({ outcome, byWhom, refunded, sessions }) =>
			outcome ? [{ outcome, byWhom, refunded, sessions }] : []
		)
	};
}

export async function ratings(tx: Tx, f: TeamFilters, zone: string): Promise<RatingRow[]> {
	const rows = await tx<
		(Omit<RatingRow, 'responseRate' | 'average'> & {
			responseRate: string | null;
			average: string | null;
		})[]
	>`
		select coach_id as "coachId", coach_name as "coachName", completed, rated,
			response_rate as "responseRate", average, stars
		from public.analytics_ratings(${args(tx, f, zone)})`;
	return rows.map((r) => ({ ...r, responseRate: num(r.responseRate), average: num(r.average) }));
}

export async function latestFeedback(tx: Tx, f: TeamFilters, zone: string): Promise<FeedbackRow[]> {
	return tx<FeedbackRow[]>`
		select session_id as "sessionId", coach_name as "coachName",
			student_first_name as "studentFirstName", subject_code as "subjectCode", rating, feedback,
			to_char(rated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "ratedAt"
		from public.analytics_latest_feedback(${args(tx, f, zone)}, 10)`;
}

export async function adoption(tx: Tx, f: TeamFilters, zone: string): Promise<AdoptionRow[]> {
	return tx<AdoptionRow[]>`
		select feature, users, population from public.analytics_adoption(${args(tx, f, zone)})`;
}

/** Every figure of the page, in the caller's (staff) transaction. */
export async function loadTeamAnalytics(
	tx: Tx,
	filters: TeamFilters,
	timeZone: string
): Promise<TeamAnalytics> {
	const [price] = await tx<{ cents: number }[]>`
		select (public.booking_policy() ->> 'creditPriceCents')::int as cents`;
	return {
		filters,
		timeZone,
		creditPriceCents: price?.cents ?? 0,
		perDay: await bookingsPerDay(tx, filters, timeZone),
		funnel: await funnel(tx, filters, timeZone),
		utilisation: await utilisation(tx, filters, timeZone),
		engagement: await engagement(tx, filters, timeZone),
		rebooking: await rebooking(tx, filters, timeZone),
		cohorts: await cohorts(tx, filters, timeZone),
		revenue: await revenue(tx, filters, timeZone),
		losses: await losses(tx, filters, timeZone),
		ratings: await ratings(tx, filters, timeZone),
		feedback: await latestFeedback(tx, filters, timeZone),
		adoption: await adoption(tx, filters, timeZone)
	};
}

/**
 * The same figures in three transactions at once (each its own connection from the pool, each
 * as the caller): the page's latency becomes its slowest third instead of the sum.
 */
export async function loadTeamAnalyticsConcurrently(
	run: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
	filters: TeamFilters,
	timeZone: string
): Promise<TeamAnalytics> {
	const [first, second, third] = await Promise.all([
		run(async (tx) => ({
			perDay: await bookingsPerDay(tx, filters, timeZone),
			funnel: await funnel(tx, filters, timeZone),
			utilisation: await utilisation(tx, filters, timeZone),
			revenue: await revenue(tx, filters, timeZone)
		})),
		run(async (tx) => ({
			engagement: await engagement(tx, filters, timeZone),
			rebooking: await rebooking(tx, filters, timeZone),
			cohorts: await cohorts(tx, filters, timeZone)
		})),
		run(async (tx) => {
			const [price] = await tx<{ cents: number }[]>`
				select (public.booking_policy() ->> 'creditPriceCents')::int as cents`;
			return {
				creditPriceCents: price?.cents ?? 0,
				losses: await losses(tx, filters, timeZone),
				ratings: await ratings(tx, filters, timeZone),
				feedback: await latestFeedback(tx, filters, timeZone),
				adoption: await adoption(tx, filters, timeZone)
			};
		})
	]);
	return { filters, timeZone, ...first, ...second, ...third };
}

/** What the filters offer: every coach and every subject. */
export async function filterOptions(tx: Tx) {
	const [coaches, subjects] = await Promise.all([
		tx<{ id: string; name: string }[]>`
			select id, first_name || ' ' || last_name as name from public.profiles
			where role = 'coach' order by first_name, last_name, id`,
		tx<{ code: string; nameFr: string; nameEn: string }[]>`
			select code, name_fr as "nameFr", name_en as "nameEn" from public.subjects order by sort_order`
	]);
	return { coaches, subjects };
}
