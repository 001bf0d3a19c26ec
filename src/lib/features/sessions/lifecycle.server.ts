/**
 * Everything that happens to a session after booking. Each change is one RPC that checks who the
 * caller is and whether the move is allowed (NB_NOT_FOUND when the caller cannot see the session,
 * so its existence is never revealed); we only shape the answer, in the same statement.
 */
import type { FeedbackBody, RescheduleBody, StatusChange } from '$lib/features/sessions/schemas';
import type { Tx } from '$lib/server/db/as-user';
import { ApiError } from '$lib/server/http/errors';
import { startInstant } from './instants.server';
import { getSession, sessionFromRpc, type SessionView } from './read-model.server';

const notFound = () => new ApiError(404, 'NOT_FOUND', 'No such session');

/** The session as the caller sees it; 404 when it does not exist or is not theirs to see. */
export async function visibleSession(tx: Tx, id: string): Promise<SessionView> {
	const session = await getSession(tx, id);
	if (!session) throw notFound();
	return session;
}

export async function changeStatus(
	tx: Tx,
	id: string,
	change: StatusChange
): Promise<{ session: SessionView; refunded: number }> {
	const { session, rest } = await sessionFromRpc<{ refunded: number }>(
		tx,
		tx`public.transition_session(
			p_session_id => ${id}::uuid,
			p_to => ${change.status}::public.session_status,
			p_notes => ${change.notes ?? null}::text,
			p_refund => ${change.refund ?? null}::boolean
		)`
	);
	return { session, refunded: rest.refunded };
}

/** The new start is a wall-clock time in the coach's zone, as at booking; the length is kept. */
export async function reschedule(tx: Tx, id: string, body: RescheduleBody): Promise<SessionView> {
	// Read under RLS: an invisible session has no coach zone to offer, hence the same 404.
	const [coach] = await tx<{ timeZone: string }[]>`
		select p.time_zone as "timeZone"
		from public.session_bookings s join public.profiles p on p.id = s.coach_id
		where s.id = ${id}`;
	if (!coach) throw notFound();
	const startsAt = startInstant(body.scheduledDate, body.startTime, coach.timeZone);
	const call = tx`public.reschedule_session(
		p_session_id => ${id}::uuid,
		p_new_starts_at => ${startsAt}::timestamptz,
		p_reason => ${body.reason ?? null}::text
	)`;
	return (await sessionFromRpc(tx, call)).session;
}

/** A rating (student or parent) or notes (the coach's or the student's own column). */
export async function submitFeedback(tx: Tx, id: string, body: FeedbackBody): Promise<SessionView> {
	const call =
		body.notes !== undefined
			? tx`public.set_session_notes(p_session_id => ${id}::uuid, p_notes => ${body.notes})`
			: tx`public.rate_session(
				p_session_id => ${id}::uuid,
				p_rating => ${body.rating ?? null}::int,
				p_feedback => ${body.feedback ?? null}::text
			)`;
	return (await sessionFromRpc(tx, call)).session;
}

/** Credits cancelling now would give back to the caller's side, by the refund policy. */
export async function refundPreview(tx: Tx, id: string): Promise<number> {
	const [row] = await tx<{ refund: number }[]>`
		select public.cancellation_refund(${id}::uuid) as refund`;
	return row?.refund ?? 0;
}
