/**
 * The session lifecycle as the UI needs it (which buttons to offer). The rulebook is
 * `public.transition_session` in SQL: it decides for real; this module mirrors its table and its
 * timing rules, and `lifecycle.db.test.ts` proves both agree on every (from, to, actor, time).
 */
import type { SessionStatus } from '$lib/core/enums';

export { SESSION_STATUSES, type SessionStatus } from '$lib/core/enums';

/** States in which a session still holds its slot (the overlap constraints apply). */
export const LIVE_STATUSES: readonly SessionStatus[] = ['SCHEDULED', 'CONFIRMED', 'IN_PROGRESS'];

export type Actor = 'family' | 'coach' | 'staff';

interface TransitionRule {
	to: SessionStatus;
	/** Who may make this move; staff may always act on behalf of anyone. */
	by: readonly Actor[];
}

export const TRANSITIONS: Readonly<Record<SessionStatus, readonly TransitionRule[]>> = {
	SCHEDULED: [
		{ to: 'CONFIRMED', by: ['coach', 'staff'] },
		{ to: 'CANCELLED', by: ['family', 'coach', 'staff'] },
		{ to: 'NO_SHOW', by: ['coach', 'staff'] }
	],
	CONFIRMED: [
		{ to: 'IN_PROGRESS', by: ['coach', 'staff'] },
		{ to: 'CANCELLED', by: ['family', 'coach', 'staff'] },
		{ to: 'NO_SHOW', by: ['coach', 'staff'] }
	],
	// Once started, a session can only end: completed, or recorded as missed.
	IN_PROGRESS: [
		{ to: 'COMPLETED', by: ['coach', 'staff'] },
		{ to: 'NO_SHOW', by: ['coach', 'staff'] }
	],
	COMPLETED: [],
	CANCELLED: [],
	NO_SHOW: []
};

export function isLive(status: SessionStatus): boolean {
	return LIVE_STATUSES.includes(status);
}

/** A session may be cancelled (and rescheduled) until it starts. */
export function isCancellable(status: SessionStatus): boolean {
	return status === 'SCHEDULED' || status === 'CONFIRMED';
}

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
	return TRANSITIONS[from].some((rule) => rule.to === to);
}

/** Why a move the table allows is refused at this moment, or null when it is possible now. */
export type NotYet = 'startWindow' | 'notStarted' | 'alreadyStarted';

export interface Timing {
	startsAt: Date;
	now: Date;
	/** How early a session may be started (policy `startEarlyMinutes`). */
	startEarlyMinutes: number;
}

/**
 * The timing rules of transition_session: IN_PROGRESS from `startEarlyMinutes` before the start;
 * COMPLETED and NO_SHOW only once the start has passed; CANCELLED only before it (staff: always).
 */
export function timingRefusal(to: SessionStatus, actor: Actor, timing: Timing): NotYet | null {
	const untilStart = timing.startsAt.getTime() - timing.now.getTime();
	if (to === 'IN_PROGRESS' && untilStart > timing.startEarlyMinutes * 60_000) return 'startWindow';
	if ((to === 'COMPLETED' || to === 'NO_SHOW') && untilStart > 0) return 'notStarted';
	if (to === 'CANCELLED' && actor !== 'staff' && untilStart <= 0) return 'alreadyStarted';
	return null;
}

/** Whether transition_session accepts this move by `actor` at `timing.now`. */
export function isAllowedNow(
	from: SessionStatus,
	to: SessionStatus,
	actor: Actor,
	timing: Timing
): boolean {
	return nextStatuses(from, actor).includes(to) && timingRefusal(to, actor, timing) === null;
}

/** The statuses `actor` may move a session to from `from` (for action buttons). */
export function nextStatuses(from: SessionStatus, actor: Actor): SessionStatus[] {
	return TRANSITIONS[from]
		.filter((rule) => actor === 'staff' || rule.by.includes(actor))
		.map((rule) => rule.to);
}
