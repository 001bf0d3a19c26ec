/**
 * Staff book for a family: the same request and instants as `bookSession`, through
 * `public.staff_book_session`, which refuses anyone but staff, then runs `book_session`
 * (every booking rule, the debit, the family's notifications) and records the reason.
 */
import type { StaffBookBody } from '$lib/features/booking/schemas';
import type { Tx } from '$lib/server/db/as-user';
import { bookSession, type BookingResult } from './book.server';

export function staffBookSession(tx: Tx, body: StaffBookBody): Promise<BookingResult> {
	const { reason, ...booking } = body;
	return bookSession(tx, booking, reason);
}
