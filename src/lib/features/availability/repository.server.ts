/**
 * The only module that writes SQL for coach availability. Rows come back as typed plain objects
 * (camelCase, wall times as 'HH:MM', dates as 'YYYY-MM-DD').
 */
import type { AvailabilityRule, BusyInterval, IsoDate } from './types';
import { parseBookingPolicy, type BookingPolicy } from '$lib/core/policy';
import type { Tx } from '$lib/server/db/as-user';

export interface StoredRule extends AvailabilityRule {
	id: string;
}

export interface CoachSchedule {
	coachId: string;
	timeZone: string;
	policy: BookingPolicy;
	rules: StoredRule[];
	busy: BusyInterval[];
}

/** One rule as a JSON object in the shape of `StoredRule` (alias `a`); shared with the directory. */
export const ruleJson = (tx: Tx) =>
	tx.unsafe(`json_build_object(
		'id', a.id, 'isRecurring', a.is_recurring, 'dayOfWeek', a.day_of_week,
		'specificDate', to_char(a.specific_date, 'YYYY-MM-DD'),
		'startTime', to_char(a.start_time, 'HH24:MI'), 'endTime', to_char(a.end_time, 'HH24:MI'),
		'isAvailable', a.is_available)`);

/** Weekly rules first (by weekday), then dates; within a day by start time. */
export const ruleOrder = (tx: Tx) =>
	tx.unsafe(
		`a.is_recurring desc, a.day_of_week, a.specific_date, a.start_time, a.is_available desc`
	);

interface ScheduleRow {
	timeZone: string;
	policy: unknown;
	rules: StoredRule[];
	busy: { startsAt: string; endsAt: string }[];
}

/**
 * In ONE query: a coach's time zone, the booking policy, the weekly rules plus the specific ones
 * dated in [startDate, endDate], and the live sessions overlapping those days in the coach's zone.
 * Null when `coachId` is not a coach.
 *
 * Busy intervals come from `public.coach_busy_intervals`, which sees every family's sessions but
 * returns bare time ranges only, so any signed-in user may run this as themself.
 */
export async function loadCoachSchedule(
	tx: Tx,
	coachId: string,
	startDate: IsoDate,
	endDate: IsoDate
): Promise<CoachSchedule | null> {
	const [row] = await tx<ScheduleRow[]>`
		select p.time_zone as "timeZone", public.booking_policy() as policy,
			coalesce((select json_agg(${ruleJson(tx)} order by ${ruleOrder(tx)})
				from public.coach_availability a
				where a.coach_id = p.id
					and (a.is_recurring or a.specific_date between ${startDate}::date and ${endDate}::date)),
				'[]') as rules,
			coalesce((select json_agg(json_build_object('startsAt', b.starts_at, 'endsAt', b.ends_at)
					order by b.starts_at)
				from public.coach_busy_intervals(array[p.id],
					${startDate}::date::timestamp at time zone p.time_zone,
					(${endDate}::date + 1)::timestamp at time zone p.time_zone) b), '[]') as busy
		from public.profiles p
		where p.id = ${coachId} and p.role = 'coach'`;
	if (!row) return null;
	return {
		coachId,
		timeZone: row.timeZone,
		policy: parseBookingPolicy(row.policy),
		rules: row.rules,
		busy: row.busy.map((b) => ({ startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) }))
	};
}

/**
 * The rules a coach edits: every weekly rule and the specific dates from today on (in the coach's
 * zone); past exceptions no longer matter to anyone.
 */
export async function listCurrentRules(tx: Tx, coachId: string): Promise<StoredRule[]> {
	const [row] = await tx<{ rules: StoredRule[] }[]>`
		select coalesce(json_agg(${ruleJson(tx)} order by ${ruleOrder(tx)}), '[]') as rules
		from public.coach_availability a
		join public.profiles p on p.id = a.coach_id
		where a.coach_id = ${coachId}
			and (a.is_recurring or a.specific_date >= (now() at time zone p.time_zone)::date)`;
	return row?.rules ?? [];
}

/** Type aliases, not interfaces: postgres.js's `json()` needs JSON-shaped (indexable) types. */
export type WeeklySlotInput = {
	dayOfWeek: number;
	startTime: string;
	endTime: string;
	isAvailable: boolean;
};

/** Replaces the given weekdays' rules atomically (the RPC checks the caller may). */
export async function replaceWeeklyRules(
	tx: Tx,
	coachId: string,
	days: number[],
	slots: WeeklySlotInput[]
): Promise<number> {
	const [row] = await tx<{ count: number }[]>`
		select public.replace_weekly_availability(
			${coachId}::uuid, ${days}::smallint[], ${tx.json(slots)}) as count`;
	return row?.count ?? 0;
}

export type DaySlot = {
	startTime: string;
	endTime: string;
	isAvailable: boolean;
};

/** Replaces one date's rules; no slots means unavailable all day (the RPC's rule). */
export async function replaceSpecificRules(
	tx: Tx,
	coachId: string,
	date: IsoDate,
	slots: DaySlot[]
): Promise<number> {
	const [row] = await tx<{ count: number }[]>`
		select public.replace_specific_availability(
			${coachId}::uuid, ${date}::date, ${tx.json(slots)}) as count`;
	return row?.count ?? 0;
}

/**
 * Removes one date's specific rules, so the weekly pattern applies again that day. RLS decides
 * who may (the coach themself or staff); returns how many rules were removed.
 */
export async function removeSpecificRules(tx: Tx, coachId: string, date: IsoDate): Promise<number> {
	const rows = await tx`
		delete from public.coach_availability
		where coach_id = ${coachId} and not is_recurring and specific_date = ${date}::date
		returning id`;
	return rows.length;
}
