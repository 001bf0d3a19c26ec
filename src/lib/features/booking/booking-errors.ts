import { errorKey, type MessageKey } from '$lib/i18n';

/** What the page can offer to get out of a refused booking. */
export type Recovery = 'nearest' | 'otherSlot' | 'otherCoach' | 'topUp' | 'none';

export interface ProblemView {
	message: MessageKey;
	recovery: Recovery;
}

/** The way out of each refusal (plus the page's own SLOT_UNAVAILABLE); none for the others. */
const RECOVERIES: Record<string, Recovery> = {
	INSUFFICIENT_CREDITS: 'topUp',
	SLOT_TAKEN: 'nearest',
	SLOT_UNAVAILABLE: 'nearest',
	STUDENT_BUSY: 'otherSlot',
	OUTSIDE_AVAILABILITY: 'nearest',
	IN_THE_PAST: 'nearest',
	COACH_NOT_QUALIFIED: 'otherCoach',
	NOT_FOUND: 'otherCoach'
};

/**
 * A refused booking's message (the shared `error.<CODE>` catalogue) and way out. Only
 * INSUFFICIENT_CREDITS is worded here, because the page knows the numbers: the price, whose
 * balance, and how much is on it.
 */
export function describeBookingProblem(code: string): ProblemView {
	return {
		message: code === 'INSUFFICIENT_CREDITS' ? 'book.insufficient' : errorKey(code),
		recovery: RECOVERIES[code] ?? 'none'
	};
}
