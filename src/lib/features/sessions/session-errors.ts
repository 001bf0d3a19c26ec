import type { MessageKey } from '$lib/i18n';

/** Messages for the session actions (cancel, reschedule, rate). */
const SESSION_PROBLEMS: Record<string, MessageKey> = {
	TOO_LATE: 'sessions.error.TOO_LATE',
	INVALID_TRANSITION: 'sessions.error.INVALID_TRANSITION',
	ALREADY_RATED: 'sessions.error.ALREADY_RATED',
	SLOT_TAKEN: 'sessions.error.SLOT_TAKEN',
	STUDENT_BUSY: 'sessions.error.STUDENT_BUSY',
	OUTSIDE_AVAILABILITY: 'sessions.error.OUTSIDE_AVAILABILITY',
	IN_THE_PAST: 'sessions.error.IN_THE_PAST',
	VALIDATION_FAILED: 'sessions.error.VALIDATION_FAILED',
	FORBIDDEN: 'sessions.error.FORBIDDEN',
	NOT_FOUND: 'sessions.error.NOT_FOUND'
};

export function sessionProblemMessage(code: string): MessageKey {
	return SESSION_PROBLEMS[code] ?? 'sessions.error.generic';
}
