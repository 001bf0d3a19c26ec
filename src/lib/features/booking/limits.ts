/**
 * A booking's limits, without zod (the wizard's components read them in the browser; the
 * schemas in schemas.ts apply them on the server).
 */
import {
	DURATION_MULTIPLE_MINUTES,
	MAX_DURATION_MINUTES,
	MIN_DURATION_MINUTES
} from '$lib/core/policy';

export const TITLE_MAX = 200;
/**
 * Below the 4000 of the `session_bookings.description` check on purpose: the wizard carries its
 * answers in the URL, and 2000 characters percent-encoded (up to 6 bytes each) stay well inside
 * Node's 16 KB limit on a request head.
 */
export const DESCRIPTION_MAX = 2000;

/** Every bookable length: 30 to 240 minutes in steps of 30 (the `duration_minutes` check). */
export const DURATIONS: readonly number[] = Array.from(
	{ length: (MAX_DURATION_MINUTES - MIN_DURATION_MINUTES) / DURATION_MULTIPLE_MINUTES + 1 },
	(_, i) => MIN_DURATION_MINUTES + i * DURATION_MULTIPLE_MINUTES
);
