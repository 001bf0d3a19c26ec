/**
 * Credits a session costs. Mirrors `public.session_price` and `public.seat_price` in SQL, which is
 * what book_session enforces; this copy only lets the UI show the price before the request.
 */
import type { SessionType } from '$lib/core/enums';

/** Minutes one credit buys: a group seat costs half an individual hour. */
const MINUTES_PER_CREDIT: Record<SessionType, number> = { INDIVIDUAL: 60, GROUP: 120 };

export function sessionPrice(type: SessionType, durationMinutes: number): number {
	if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) {
		throw new RangeError(`Invalid duration: ${durationMinutes}`);
	}
	return Math.ceil(durationMinutes / MINUTES_PER_CREDIT[type]);
}

/**
 * What one booking costs given the seats of its group already taken: a group's first seat pays
 * the individual price (alone, it is a private session), later seats the group price. The
 * wizard offers only free slots, so a group booked there always opens a new group.
 */
export function seatPrice(type: SessionType, durationMinutes: number, seatsTaken = 0): number {
	return sessionPrice(type === 'GROUP' && seatsTaken === 0 ? 'INDIVIDUAL' : type, durationMinutes);
}
