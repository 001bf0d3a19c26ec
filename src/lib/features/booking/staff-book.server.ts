/**
 * Staff book for a family: the same request and instants as `bookSession`, through
 * `public.staff_book_session`, which refuses anyone but staff, then runs `book_session`
 * (every booking rule, the debit, the family's notifications) and records the reason.
 */
import type { StaffBookBody } from '$lib/features/booking/schemas';
import { coachTimeZone } from '$lib/features/people/zones.server';
import { sessionFromRpc } from '$lib/features/sessions/read-model.server';
import type { Tx } from '$lib/server/db/as-user';
import { bookingInstants, type BookingResult } from './book.server';

export async function staffBookSession(tx: Tx, body: StaffBookBody): Promise<BookingResult> {
	const timeZone = await coachTimeZone(tx, body.coachId);
	const { startsAt } = bookingInstants(body, timeZone);
	const { session, rest } = await sessionFromRpc<{ balance: number; replayed: boolean }>(
		tx,
		tx`public.staff_book_session(
			p_coach_id => ${body.coachId}::uuid,
			p_student_id => ${body.studentId}::uuid,
			p_subject => ${body.subject},
			p_starts_at => ${startsAt}::timestamptz,
			p_duration_minutes => ${body.duration}::int,
			p_title => ${body.title},
			p_credits => ${body.creditsToUse}::int,
			p_reason => ${body.reason},
			p_type => ${body.type}::public.session_type,
			p_modality => ${body.modality}::public.session_modality,
			p_description => ${body.description ?? null}::text,
			p_idempotency_key => ${body.idempotencyKey ?? null}::text
		)`
	);
	return { session, balance: rest.balance, replayed: rest.replayed };
}
