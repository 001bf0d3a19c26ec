import { describe, expect, it } from 'vitest';
import { familyMessages } from '$lib/i18n/messages/family';
import { describeBookingProblem } from './booking-errors';

const CODES = [
	'INSUFFICIENT_CREDITS',
	'SLOT_TAKEN',
	'SLOT_UNAVAILABLE',
	'STUDENT_BUSY',
	'OUTSIDE_AVAILABILITY',
	'IN_THE_PAST',
	'COACH_NOT_QUALIFIED',
	'PRICE_MISMATCH',
	'VALIDATION_FAILED'
];

describe('describeBookingProblem', () => {
	it('gives every booking code its own message in both languages', () => {
		for (const code of CODES) {
			const { message } = describeBookingProblem(code);
			expect(message).toBe(`book.error.${code}`);
			expect(familyMessages.fr[message as keyof typeof familyMessages.fr]).toBeTruthy();
			expect(familyMessages.en[message as keyof typeof familyMessages.en]).toBeTruthy();
		}
	});

	it('offers the nearest free slots when the slot was just taken, and a top-up path for credits', () => {
		expect(describeBookingProblem('SLOT_TAKEN').recovery).toBe('nearest');
		expect(describeBookingProblem('INSUFFICIENT_CREDITS').recovery).toBe('topUp');
		expect(describeBookingProblem('COACH_NOT_QUALIFIED').recovery).toBe('otherCoach');
	});

	it('falls back to a generic message for an unknown code', () => {
		expect(describeBookingProblem('SOMETHING_NEW')).toEqual({
			message: 'book.error.generic',
			recovery: 'none'
		});
	});
});
