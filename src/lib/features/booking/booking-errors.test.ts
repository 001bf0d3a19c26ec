import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n';
import { describeBookingProblem } from './booking-errors';

const CODES = [
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
	it('words every refusal from the shared error catalogue, in both languages', () => {
		for (const code of CODES) {
			const { message } = describeBookingProblem(code);
			expect(message).toBe(`error.${code}`);
			expect(translate('fr', message)).not.toBe(translate('en', message));
		}
		expect(describeBookingProblem('INSUFFICIENT_CREDITS').message).toBe('book.insufficient');
	});

	it('offers the nearest free slots when the slot was just taken, and a top-up path for credits', () => {
		expect(describeBookingProblem('SLOT_TAKEN').recovery).toBe('nearest');
		expect(describeBookingProblem('INSUFFICIENT_CREDITS').recovery).toBe('topUp');
		expect(describeBookingProblem('COACH_NOT_QUALIFIED').recovery).toBe('otherCoach');
	});

	it('falls back to the generic message for an unknown code', () => {
		expect(describeBookingProblem('SOMETHING_NEW')).toEqual({
			message: 'error.INTERNAL',
			recovery: 'none'
		});
	});
});
