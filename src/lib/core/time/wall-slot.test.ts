import { describe, expect, it } from 'vitest';
import { wallSlotOf } from './wall-slot';

describe('wallSlotOf', () => {
	it('gives the Paris wall clock in winter (UTC+1) and summer (UTC+2)', () => {
		expect(wallSlotOf(new Date('2026-12-02T16:00:00Z'), 60, 'Europe/Paris')).toEqual({
			date: '2026-12-02',
			startTime: '17:00',
			endTime: '18:00'
		});
		expect(wallSlotOf(new Date('2026-06-03T12:30:00Z'), 90, 'Europe/Paris')).toEqual({
			date: '2026-06-03',
			startTime: '14:30',
			endTime: '16:00'
		});
	});

	it('uses the coach’s calendar date, not UTC’s', () => {
		expect(wallSlotOf(new Date('2026-12-01T23:30:00Z'), 30, 'Europe/Paris')?.date).toBe(
			'2026-12-02'
		);
	});

	it('allows an end at midnight but not past it', () => {
		expect(wallSlotOf(new Date('2026-12-02T22:00:00Z'), 60, 'Europe/Paris')?.endTime).toBe('24:00');
		expect(wallSlotOf(new Date('2026-12-02T22:30:00Z'), 60, 'Europe/Paris')).toBeNull();
	});
});
