import { describe, expect, it } from 'vitest';
import { pageHolding, slotPageOf } from './slot-pages';

describe('pages of the booking horizon', () => {
	it('covers the 90-day horizon in five pages of three weeks, the last one short', () => {
		const pages = [0, 1, 2, 3, 4].map((p) => slotPageOf('2026-12-07', 90, p));
		expect(pages.map((p) => [p.startDate, p.endDate])).toEqual([
			['2026-12-07', '2026-12-27'],
			['2026-12-28', '2027-01-17'],
			['2027-01-18', '2027-02-07'],
			['2027-02-08', '2027-02-28'],
			['2027-03-01', '2027-03-07']
		]);
		expect(pages.every((p) => p.lastPage === 4)).toBe(true);
	});

	it('brings a page out of range back inside it', () => {
		expect(slotPageOf('2026-12-07', 90, 9).page).toBe(4);
		expect(slotPageOf('2026-12-07', 90, -2).page).toBe(0);
		expect(slotPageOf('2026-12-07', 20, 1)).toEqual({
			page: 0,
			lastPage: 0,
			startDate: '2026-12-07',
			endDate: '2026-12-27'
		});
	});

	it('ends exactly on the horizon when it falls on a page boundary', () => {
		expect(slotPageOf('2026-12-07', 21, 1)).toMatchObject({
			page: 1,
			startDate: '2026-12-28',
			endDate: '2026-12-28'
		});
	});
});

it('finds the page of a chosen day', () => {
	expect(pageHolding('2026-12-07', '2026-12-07')).toBe(0);
	expect(pageHolding('2026-12-07', '2026-12-27')).toBe(0);
	expect(pageHolding('2026-12-07', '2026-12-28')).toBe(1);
	expect(pageHolding('2026-12-07', '2027-03-07')).toBe(4);
	expect(pageHolding('2026-12-07', '2026-12-01')).toBe(0);
});
