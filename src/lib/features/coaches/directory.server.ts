/**
 * The coach directory for one subject: who teaches it, how they are rated, and their next free
 * hour. Two queries whatever the number of coaches: the subject check, then every candidate with
 * their rules and busy times; the slot engine then runs in memory per coach, stopping at the
 * first free hour.
 */
import { computeSlots, policyLimits } from '$lib/features/availability/slots';
import type { BookingPolicy } from '$lib/core/policy';
import { readBookingPolicy } from '$lib/server/db/policy';
import { addDays } from '$lib/core/time/wall-clock';
import type { BusyInterval } from '$lib/features/availability/types';
import { dateInZone } from '$lib/core/time/instants';
import { ruleJson, type StoredRule } from '$lib/features/availability/repository.server';
import type { Tx } from '$lib/server/db/as-user';
import { ApiError } from '$lib/server/http/errors';
import type { CoachCard, NextSlot } from './types';

/** How far ahead the directory looks for a free slot, and for how long a session. */
export const NEXT_SLOT_HORIZON_DAYS = 14;
export const NEXT_SLOT_DURATION_MINUTES = 60;

export type { CoachCard, NextSlot } from './types';

interface CandidateRow extends Omit<CoachCard, 'nextSlot'> {
	timeZone: string;
	rules: StoredRule[];
	busy: { startsAt: string; endsAt: string }[];
}

/**
 * Ratings and busy times cover every family's sessions: they come from SECURITY DEFINER functions
 * that return only aggregates and bare time ranges, so this runs as the signed-in user. One
 * statement whatever the number of coaches: each aggregate is called once for all candidates
 * (the busy times 200 coaches a call, that function's bound), and the rules are read through
 * the two partial indexes (weekly, dated) instead of a scan per coach. The rule and session
 * windows are padded by a day on each side so that any coach time zone is covered.
 */
async function loadCandidates(tx: Tx, subject: string): Promise<CandidateRow[]> {
	return tx<CandidateRow[]>`
		with candidates as (
			select p.id, p.first_name, p.last_name, p.bio, p.time_zone
			from public.coach_subjects cs
			join public.profiles p on p.id = cs.coach_id and p.role = 'coach'
			where cs.subject_code = ${subject}
		), ids as (
			select coalesce(array_agg(id order by id), '{}') as ids from candidates
		), ratings as (
			select r.coach_id, r.average_rating, r.rating_count
			from public.coach_rating_summaries((select ids from ids)) r
		), busy as (
			select b.coach_id,
				json_agg(json_build_object('startsAt', b.starts_at, 'endsAt', b.ends_at)) as busy
			from generate_series(0, (cardinality((select ids from ids)) - 1) / 200) as chunk (n)
			cross join lateral public.coach_busy_intervals(
				(select ids[chunk.n * 200 + 1 : chunk.n * 200 + 200] from ids), now(),
				now() + make_interval(days => ${NEXT_SLOT_HORIZON_DAYS + 2}::int)) b
			group by b.coach_id
		), rules as (
			select a.coach_id, json_agg(${ruleJson(tx)}) as rules
			from (
				select * from public.coach_availability
				where coach_id in (select id from candidates) and is_recurring
				union all
				select * from public.coach_availability
				where coach_id in (select id from candidates) and not is_recurring
					and specific_date between current_date - 1
						and current_date + ${NEXT_SLOT_HORIZON_DAYS + 1}::int
			) a
			group by a.coach_id
		), subjects as (
			select cs.coach_id, array_agg(cs.subject_code order by sub.sort_order) as subjects
			from public.coach_subjects cs join public.subjects sub on sub.code = cs.subject_code
			where cs.coach_id in (select id from candidates)
			group by cs.coach_id
		)
		select c.id, c.first_name as "firstName", c.last_name as "lastName", c.bio,
			c.time_zone as "timeZone", s.subjects,
			r.average_rating as "averageRating", coalesce(r.rating_count, 0) as "ratingCount",
			coalesce(ru.rules, '[]') as rules, coalesce(b.busy, '[]') as busy
		from candidates c
		left join subjects s on s.coach_id = c.id
		left join ratings r on r.coach_id = c.id
		left join rules ru on ru.coach_id = c.id
		left join busy b on b.coach_id = c.id
		order by c.last_name, c.first_name, c.id`;
}

function nextSlotOf(coach: CandidateRow, policy: BookingPolicy, now: Date): NextSlot | null {
	const busy: BusyInterval[] = coach.busy.map((b) => ({
		startsAt: new Date(b.startsAt),
		endsAt: new Date(b.endsAt)
	}));
	const today = dateInZone(now, coach.timeZone);
	const [first] = computeSlots(coach.rules, busy, {
		timeZone: coach.timeZone,
		startDate: today,
		endDate: addDays(today, NEXT_SLOT_HORIZON_DAYS - 1),
		durationMinutes: NEXT_SLOT_DURATION_MINUTES,
		now,
		...policyLimits(policy),
		limit: 1
	});
	return first
		? {
				startsAt: first.startsAt,
				endsAt: first.endsAt,
				date: first.date,
				startTime: first.startTime
			}
		: null;
}

/** Coaches qualified for `subject`; 400 when no such subject exists. */
export async function listCoachesForSubject(
	tx: Tx,
	subject: string,
	now = new Date()
): Promise<CoachCard[]> {
	const [known] = await tx`select 1 from public.subjects where code = ${subject}`;
	if (!known) {
		throw new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', {
			subject: [`Unknown subject: ${subject}`]
		});
	}
	const [candidates, policy] = await Promise.all([
		loadCandidates(tx, subject),
		readBookingPolicy(tx)
	]);
	return candidates.map((coach) => ({
		id: coach.id,
		firstName: coach.firstName,
		lastName: coach.lastName,
		bio: coach.bio,
		subjects: coach.subjects,
		averageRating: coach.averageRating,
		ratingCount: coach.ratingCount,
		nextSlot: nextSlotOf(coach, policy, now)
	}));
}
