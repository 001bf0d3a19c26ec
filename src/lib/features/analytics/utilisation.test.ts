import { describe, expect, it } from 'vitest';
import { availableMinutes, bookedMinutes, lastMonths, monthOf, utilisation } from './utilisation';

const weekly = (dayOfWeek: number, startTime: string, endTime: string, isAvailable = true) => ({
	isRecurring: true,
	dayOfWeek,
	specificDate: null,
	startTime,
	endTime,
	isAvailable
});

describe('coach utilisation', () => {
	it('finds the month of a date, including February of a leap year', () => {
		expect(monthOf('2026-11-24')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
		expect(monthOf('2028-02-10')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
		expect(monthOf('2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
	});

	it('counts open hours with a day off subtracted', () => {
		// November 2026 has 5 Mondays (2, 9, 16, 23, 30).
		const rules = [
			weekly(1, '17:00', '20:00'),
			{
				...weekly(0, '00:00', '24:00', false),
				isRecurring: false,
				dayOfWeek: null,
				specificDate: '2026-11-09'
			}
		];
		expect(availableMinutes(rules, monthOf('2026-11-01'))).toBe(4 * 180);
	});

	it('clips booked sessions to the month in the coach zone', () => {
		const month = monthOf('2026-11-01');
		const busy = [
			// 30 Nov 23:30 → 1 Dec 00:30 in Paris: half inside.
			{ startsAt: new Date('2026-11-30T22:30:00Z'), endsAt: new Date('2026-11-30T23:30:00Z') },
			{ startsAt: new Date('2026-11-10T16:00:00Z'), endsAt: new Date('2026-11-10T17:00:00Z') }
		];
		expect(bookedMinutes(busy, month, 'Europe/Paris')).toBe(90);
		expect(utilisation(90, 720)).toBe(13);
		expect(utilisation(0, 0)).toBeNull();
	});

	it('lists the last months across a year boundary', () => {
		expect(lastMonths('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
	});
});
