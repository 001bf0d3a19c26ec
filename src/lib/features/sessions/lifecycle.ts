/**
 * The session lifecycle as the UI needs it (which buttons to offer). The rulebook is
 * `public.transition_session` in SQL: it decides for real, this table only mirrors it for hints.
 * Two timing rules live only there: IN_PROGRESS from 15 minutes before the start, NO_SHOW once
 * the session has started.
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

/** The statuses `actor` may move a session to from `from` (for action buttons). */
export function nextStatuses(from: SessionStatus, actor: Actor): SessionStatus[] {
	return TRANSITIONS[from]
		.filter((rule) => actor === 'staff' || rule.by.includes(actor))
		.map((rule) => rule.to);
}
