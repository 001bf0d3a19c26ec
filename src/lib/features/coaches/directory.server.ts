/**
 * The coach directory for one subject: who teaches it, how they are rated, and their next free
 * hour. Two queries whatever the number of coaches: the subject check, then every candidate with
 * their rules and busy times; the slot engine then runs in memory per coach.
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
 * that return only aggregates and bare time ranges, so this runs as the signed-in user. The rule and session windows
 * are padded by a day on each side so that any coach time zone is covered.
 */
async function loadCandidates(tx: Tx, subject: string): Promise<CandidateRow[]> {
	return tx<CandidateRow[]>`
		select p.id, p.first_name as "firstName", p.last_name as "lastName", p.bio,
			p.time_zone as "timeZone",
			(select array_agg(cs2.subject_code order by sub.sort_order)
				from public.coach_subjects cs2 join public.subjects sub on sub.code = cs2.subject_code
				where cs2.coach_id = p.id) as subjects,
			r.average as "averageRating", r.count as "ratingCount",
			coalesce((select json_agg(${ruleJson(tx)})
				from public.coach_availability a
				where a.coach_id = p.id and (a.is_recurring or a.specific_date between
					current_date - 1 and current_date + ${NEXT_SLOT_HORIZON_DAYS + 1}::int)), '[]') as rules,
			coalesce((select json_agg(json_build_object('startsAt', b.starts_at, 'endsAt', b.ends_at))
				from public.coach_busy_intervals(array[p.id], now(),
					now() + make_interval(days => ${NEXT_SLOT_HORIZON_DAYS + 2}::int)) b),
				'[]') as busy
		from public.coach_subjects cs
		join public.profiles p on p.id = cs.coach_id and p.role = 'coach'
		cross join lateral (
			select s.average_rating as average, s.rating_count as count
			from public.coach_rating_summaries(array[p.id]) s
		) r
		where cs.subject_code = ${subject}
		order by p.last_name, p.first_name, p.id`;
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
		...policyLimits(policy)
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
