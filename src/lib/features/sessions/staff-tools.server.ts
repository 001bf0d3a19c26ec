/**
 * The staff's issue-resolution tools on a session: cancel with a refund decision, move, hand
 * to another coach. Each is one staff-only RPC (`public.staff_*`, `reassign_*`) that refuses
 * families and coaches itself, writes the history and the staff journal and tells the family;
 * we only turn wall-clock input into instants and shape the answer.
 */
import type {
	ReassignBody,
	StaffCancelBody,
	StaffRescheduleBody
} from '$lib/features/sessions/schemas';
import type { Tx } from '$lib/server/db/as-user';
import { ApiError } from '$lib/server/http/errors';
import { startInstant } from './instants.server';
import { sessionFromRpc, type SessionView } from './read-model.server';

export interface CoachCandidate {
	id: string;
	firstName: string;
	lastName: string;
	timeZone: string;
}

export async function staffCancel(
	tx: Tx,
	id: string,
	body: StaffCancelBody
): Promise<{ session: SessionView; refunded: number }> {
	const { session, rest } = await sessionFromRpc<{ refunded: number }>(
		tx,
		tx`public.staff_cancel_session(${id}::uuid, ${body.refund}, ${body.reason})`
	);
	return { session, refunded: rest.refunded };
}

/** The new start is wall-clock in the coach's zone, as at booking. */
export async function staffReschedule(
	tx: Tx,
	id: string,
	body: StaffRescheduleBody
): Promise<SessionView> {
	const [coach] = await tx<{ timeZone: string }[]>`
		select p.time_zone as "timeZone"
		from public.session_bookings s join public.profiles p on p.id = s.coach_id
		where s.id = ${id}`;
	if (!coach) throw new ApiError(404, 'NOT_FOUND', 'No such session');
	const startsAt = startInstant(body.scheduledDate, body.startTime, coach.timeZone);
	const call = tx`public.staff_reschedule_session(${id}::uuid, ${startsAt}::timestamptz, ${body.reason})`;
	return (await sessionFromRpc(tx, call)).session;
}

/** Coaches qualified for the session's subject and free at its time (staff only). */
export async function reassignCandidates(tx: Tx, id: string): Promise<CoachCandidate[]> {
	return tx<CoachCandidate[]>`
		select c.coach_id as id, c.first_name as "firstName", c.last_name as "lastName",
			c.time_zone as "timeZone"
		from public.reassign_candidates(${id}::uuid) c`;
}

/** Hand the session (a group's every live seat) to `coachId`; `seats` says how many moved. */
export async function reassignSession(
	tx: Tx,
	id: string,
	body: ReassignBody
): Promise<{ session: SessionView; seats: number; previousCoachId: string }> {
	const { session, rest } = await sessionFromRpc<{ seats: number; previousCoachId: string }>(
		tx,
		tx`public.reassign_session(${id}::uuid, ${body.coachId}::uuid, ${body.reason})`
	);
	return { session, seats: rest.seats, previousCoachId: rest.previousCoachId };
}
