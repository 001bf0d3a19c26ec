import { describe, expect, it } from 'vitest';
import { seatPrice, sessionPrice } from './pricing';

describe('sessionPrice', () => {
	it('charges one credit per started hour for an individual session', () => {
		expect(sessionPrice('INDIVIDUAL', 30)).toBe(1);
		expect(sessionPrice('INDIVIDUAL', 60)).toBe(1);
		expect(sessionPrice('INDIVIDUAL', 90)).toBe(2);
		expect(sessionPrice('INDIVIDUAL', 120)).toBe(2);
		expect(sessionPrice('INDIVIDUAL', 240)).toBe(4);
	});

	it('charges one credit per started two hours for a group seat', () => {
		expect(sessionPrice('GROUP', 30)).toBe(1);
		expect(sessionPrice('GROUP', 120)).toBe(1);
		expect(sessionPrice('GROUP', 150)).toBe(2);
		expect(sessionPrice('GROUP', 240)).toBe(2);
	});

	it('refuses a duration that is not a positive whole number of minutes', () => {
		expect(() => sessionPrice('INDIVIDUAL', 0)).toThrow(RangeError);
		expect(() => sessionPrice('GROUP', 45.5)).toThrow(RangeError);
	});
});

describe('seatPrice', () => {
	it('charges a group’s first seat the individual price, later seats the group price', () => {
		expect(seatPrice('GROUP', 120, 0)).toBe(2);
		expect(seatPrice('GROUP', 120)).toBe(2);
		expect(seatPrice('GROUP', 120, 1)).toBe(1);
		expect(seatPrice('GROUP', 240, 5)).toBe(2);
		expect(seatPrice('INDIVIDUAL', 120, 0)).toBe(2);
	});
});
