/**
 * Which buttons a family sees on a session. Hints only: the SQL functions
 * (transition_session, reschedule_session, rate_session) decide for real, and
 * their refusals are shown as messages. The rules mirrored here:
 * - cancel: a SCHEDULED or CONFIRMED session that has not started (refund by policy, previewed);
 * - reschedule: the same, up to the policy's refund window before its start;
 * - rate: a COMPLETED session, once.
 */
import { timingRefusal, type SessionStatus } from './lifecycle';

const HOUR_MS = 3_600_000;

export interface SessionLike {
	status: SessionStatus;
	startsAt: Date;
	endsAt: Date;
	rating: number | null;
}

export interface FamilyActions {
	cancel: boolean;
	reschedule: boolean;
	rate: boolean;
	/** Show the meeting link (online, not over, not cancelled). */
	join: boolean;
}

const ACTIVE: readonly SessionStatus[] = ['SCHEDULED', 'CONFIRMED'];

export function familyActions(
	session: SessionLike,
	now: Date,
	refundWindowHours: number
): FamilyActions {
	const active = ACTIVE.includes(session.status);
	const beforeWindow = session.startsAt.getTime() - now.getTime() >= refundWindowHours * HOUR_MS;
	const timing = { startsAt: session.startsAt, now, startEarlyMinutes: 0 };
	return {
		cancel: active && timingRefusal('CANCELLED', 'family', timing) === null,
		reschedule: active && beforeWindow,
		rate: session.status === 'COMPLETED' && session.rating === null,
		join: (active || session.status === 'IN_PROGRESS') && session.endsAt.getTime() > now.getTime()
	};
}

/** Upcoming (still to happen, soonest first) and past (the rest, latest first). */
export function splitByTime<T extends SessionLike>(
	sessions: readonly T[],
	now: Date
): { upcoming: T[]; past: T[] } {
	const isUpcoming = (s: T) =>
		(ACTIVE.includes(s.status) || s.status === 'IN_PROGRESS') && s.endsAt.getTime() > now.getTime();
	const upcoming = sessions
		.filter(isUpcoming)
		.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
	const past = sessions
		.filter((s) => !isUpcoming(s))
		.sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
	return { upcoming, past };
}
