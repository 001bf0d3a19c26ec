import type { MessageKey } from '$lib/i18n';

/** What the page can offer to get out of a refused booking. */
export type Recovery = 'nearest' | 'otherSlot' | 'otherCoach' | 'topUp' | 'none';

export interface ProblemView {
	message: MessageKey;
	recovery: Recovery;
}

/** The API's stable codes (plus the page's own SLOT_UNAVAILABLE) → a message and a way out. */
const PROBLEMS: Record<string, ProblemView> = {
	INSUFFICIENT_CREDITS: { message: 'book.error.INSUFFICIENT_CREDITS', recovery: 'topUp' },
	SLOT_TAKEN: { message: 'book.error.SLOT_TAKEN', recovery: 'nearest' },
	SLOT_UNAVAILABLE: { message: 'book.error.SLOT_UNAVAILABLE', recovery: 'nearest' },
	STUDENT_BUSY: { message: 'book.error.STUDENT_BUSY', recovery: 'otherSlot' },
	OUTSIDE_AVAILABILITY: { message: 'book.error.OUTSIDE_AVAILABILITY', recovery: 'nearest' },
	IN_THE_PAST: { message: 'book.error.IN_THE_PAST', recovery: 'nearest' },
	COACH_NOT_QUALIFIED: { message: 'book.error.COACH_NOT_QUALIFIED', recovery: 'otherCoach' },
	PRICE_MISMATCH: { message: 'book.error.PRICE_MISMATCH', recovery: 'none' },
	VALIDATION_FAILED: { message: 'book.error.VALIDATION_FAILED', recovery: 'none' },
	FORBIDDEN: { message: 'book.error.FORBIDDEN', recovery: 'none' },
	NOT_FOUND: { message: 'book.error.NOT_FOUND', recovery: 'otherCoach' }
};

const GENERIC: ProblemView = { message: 'book.error.generic', recovery: 'none' };

export function describeBookingProblem(code: string): ProblemView {
	return PROBLEMS[code] ?? GENERIC;
}
