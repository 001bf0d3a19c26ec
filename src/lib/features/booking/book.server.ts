/**
 * Booking: turn the family's wall-clock choice into instants in the COACH's time zone (the zone
 * availability is written in), then hand everything to `public.book_session`, which checks the
 * rules and debits the credits in one transaction.
 */
import type { IsoDate, WallTime } from '$lib/features/availability/types';
import type { BookSessionBody } from './schemas';
import { wallClockToInstant } from '$lib/core/time/instants';
import type { Tx } from '$lib/server/db/as-user';
import { ApiError } from '$lib/server/http/errors';
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

const invalid = (field: string, message: string) =>
	new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', { [field]: [message] });

/** The coach's IANA zone; 404 when the id is not a coach. */
export async function coachTimeZone(tx: Tx, coachId: string): Promise<string> {
	const [row] = await tx<{ timeZone: string }[]>`
		select time_zone as "timeZone" from public.profiles where id = ${coachId} and role = 'coach'`;
	if (!row) throw new ApiError(404, 'NOT_FOUND', 'No such coach');
	return row.timeZone;
}

/** A wall-clock start on a date in `timeZone` → instant; 400 when the clock skips it (DST). */
export function startInstant(date: IsoDate, time: WallTime, timeZone: string): Date {
	const instant = wallClockToInstant(date, time, timeZone);
	if (!instant) throw invalid('startTime', `${time} does not exist on ${date} in ${timeZone}`);
	return instant;
}

/**
 * startsAt/endsAt of the requested session. The wall-clock length was checked by the schema; here
 * the real length must match too, which fails only when a DST change falls inside the session.
 */
export function bookingInstants(body: BookSessionBody, timeZone: string) {
	const startsAt = startInstant(body.scheduledDate, body.startTime, timeZone);
	const endsAt = wallClockToInstant(body.scheduledDate, body.endTime, timeZone);
	if (!endsAt || endsAt.getTime() - startsAt.getTime() !== body.duration * MS_PER_MINUTE) {
		throw invalid('endTime', 'The session would span a daylight-saving change');
	}
	return { startsAt, endsAt };
}

/** Book as the signed-in caller (parent, student or staff); replays return the first booking. */
export async function bookSession(tx: Tx, body: BookSessionBody): Promise<BookingResult> {
	const timeZone = await coachTimeZone(tx, body.coachId);
	const { startsAt } = bookingInstants(body, timeZone);
	const { session, rest } = await sessionFromRpc<BookRpcResult>(
		tx,
		tx`public.book_session(
			p_coach_id => ${body.coachId}::uuid,
			p_student_id => ${body.studentId}::uuid,
			p_subject => ${body.subject},
			p_starts_at => ${startsAt}::timestamptz,
			p_duration_minutes => ${body.duration}::int,
			p_title => ${body.title},
			p_credits => ${body.creditsToUse}::int,
			p_type => ${body.type}::public.session_type,
			p_modality => ${body.modality}::public.session_modality,
			p_description => ${body.description ?? null}::text,
			p_idempotency_key => ${body.idempotencyKey ?? null}::text
		)`
	);
	return { session, balance: rest.balance, replayed: rest.replayed };
}
