/**
 * Session lengths the product sells. The same bounds are the `sessions.duration` check
 * constraint in SQL; the parity test in `policy.db.test.ts` proves both agree.
 */
export const MIN_DURATION_MINUTES = 30;
export const MAX_DURATION_MINUTES = 240;
export const DURATION_MULTIPLE_MINUTES = 30;
/** Starts are offered, and accepted, on this grid of the coach's wall clock. */
export const START_GRID_MINUTES = 30;
