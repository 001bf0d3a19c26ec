/**
 * Session lengths the product sells. The same bounds are the `sessions.duration` check
 * constraint in SQL; the parity test in `policy.db.test.ts` proves both agree.
 */
export const MIN_DURATION_MINUTES = 30;
export const MAX_DURATION_MINUTES = 240;
export const DURATION_MULTIPLE_MINUTES = 30;
/** Starts are offered, and accepted, on this grid of the coach's wall clock. */
export const START_GRID_MINUTES = 30;

/**
 * The tunable booking rules, as `public.booking_policy()` returns them from `app_settings`: the
 * one source SQL enforces. The server reads it once per request (`readBookingPolicy`) and passes
 * it to the slot engine, the offered actions and the messages; nothing restates a value.
 */
export interface BookingPolicy {
	minNoticeMinutes: number;
	horizonDays: number;
	/** Cancelling at least this long before the start refunds in full; moving stops here too. */
	refundWindowHours: number;
	startGridMinutes: number;
	startEarlyMinutes: number;
	groupCapacity: number;
	creditPriceCents: number;
}

export const BOOKING_POLICY_KEYS = [
	'minNoticeMinutes',
	'horizonDays',
	'refundWindowHours',
	'startGridMinutes',
	'startEarlyMinutes',
	'groupCapacity',
	'creditPriceCents'
] as const satisfies readonly (keyof BookingPolicy)[];

/** Checks the shape (a malformed settings row must fail loudly, not book wrongly). */
export function parseBookingPolicy(value: unknown): BookingPolicy {
	const record = (value ?? {}) as Record<string, unknown>;
	for (const key of BOOKING_POLICY_KEYS) {
		const n = record[key];
		if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
			throw new Error(`booking policy: ${key} must be a non-negative integer, got ${String(n)}`);
		}
	}
	return Object.fromEntries(
		BOOKING_POLICY_KEYS.map((k) => [k, record[k]])
	) as unknown as BookingPolicy;
}
