/**
 * Booking: turn the family's wall-clock choice into instants in the COACH's time zone (the zone
 * availability is written in), then hand everything to `public.book_session`, which checks the
 * rules and debits the credits in one transaction.
 */
import type { BookSessionBody } from '$lib/features/booking/schemas';
import { wallClockToInstant } from '$lib/core/time/instants';
import type { Tx } from '$lib/server/db/as-user';
import { coachTimeZone } from '$lib/features/people/zones.server';
import { invalidField, startInstant } from '$lib/features/sessions/instants.server';
import { sessionFromRpc, type SessionView } from '$lib/features/sessions/read-model.server';

const MS_PER_MINUTE = 60_000;

export interface BookingResult {
	session: SessionView;
	balance: number;
	/** True when an earlier request with the same idempotency key already booked it. */
	replayed: boolean;
}

interface BookRpcResult {
	balance: number;
	replayed: boolean;
}

/**
 * startsAt/endsAt of the requested session. The wall-clock length was checked by the schema; here
 * the real length must match too, which fails only when a DST change falls inside the session.
 */
export function bookingInstants(body: BookSessionBody, timeZone: string) {
	const startsAt = startInstant(body.scheduledDate, body.startTime, timeZone);
	const endsAt = wallClockToInstant(body.scheduledDate, body.endTime, timeZone);
	if (!endsAt || endsAt.getTime() - startsAt.getTime() !== body.duration * MS_PER_MINUTE) {
		throw invalidField('endTime', 'The session would span a daylight-saving change');
	}
	return { startsAt, endsAt };
}

/**
 * Book as the signed-in caller (parent, student or staff); replays return the first booking.
 * With `staffReason`, through `public.staff_book_session` (staff only, the reason journaled):
 * the same request, instants and rules.
 */
export async function bookSession(
	tx: Tx,
	body: BookSessionBody,
	staffReason?: string
): Promise<BookingResult> {
	const timeZone = await coachTimeZone(tx, body.coachId);
	const { startsAt } = bookingInstants(body, timeZone);
	const rpc = staffReason === undefined ? tx`public.book_session` : tx`public.staff_book_session`;
	const reason = staffReason === undefined ? tx`` : tx`p_reason => ${staffReason},`;
	const { session, rest } = await sessionFromRpc<BookRpcResult>(
		tx,
		tx`${rpc}(
			p_coach_id => ${body.coachId}::uuid,
			p_student_id => ${body.studentId}::uuid,
			p_subject => ${body.subject},
			p_starts_at => ${startsAt}::timestamptz,
			p_duration_minutes => ${body.duration}::int,
			p_title => ${body.title},
			p_credits => ${body.creditsToUse}::int,
			${reason}
			p_type => ${body.type}::public.session_type,
			p_modality => ${body.modality}::public.session_modality,
			p_description => ${body.description ?? null}::text,
			p_idempotency_key => ${body.idempotencyKey ?? null}::text
		)`
	);
	return { session, balance: rest.balance, replayed: rest.replayed };
}
