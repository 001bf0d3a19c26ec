import { describe, expect, it } from 'vitest';
import {
	calendarString,
	mondayOf,
	readCalendarRange,
	todayIn,
	wallClock,
	wallRange
} from './wall-clock';

describe('wall clock in a named zone', () => {
	it('reads an instant as Paris wall time in winter and in summer', () => {
		expect(wallClock('2026-12-01T16:00:00Z', 'Europe/Paris')).toEqual({
			date: '2026-12-01',
			time: '17:00'
		});
		expect(wallClock('2026-07-01T16:00:00Z', 'Europe/Paris')).toEqual({
			date: '2026-07-01',
			time: '18:00'
		});
	});

	it('gives the date of the zone, not of UTC, around midnight', () => {
		expect(todayIn('Europe/Paris', new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
		expect(todayIn('America/New_York', new Date('2026-12-02T03:00:00Z'))).toBe('2026-12-01');
	});

	it('turns a session ending at midnight into a 24:00 end on its own date', () => {
		expect(wallRange('2026-12-01T22:00:00Z', '2026-12-01T23:00:00Z', 'Europe/Paris')).toEqual({
			date: '2026-12-01',
			startTime: '23:00',
			endTime: '24:00'
		});
	});
});

describe('calendar strings', () => {
	it('reads a same-day range whatever the offset printed', () => {
		expect(readCalendarRange('2026-11-24T17:00:00+01:00', '2026-11-24T19:30:00+01:00')).toEqual({
			date: '2026-11-24',
			startTime: '17:00',
			endTime: '19:30'
		});
	});

	it('reads an end at the next midnight as 24:00 and refuses longer spans', () => {
		expect(readCalendarRange('2026-11-24T22:00:00Z', '2026-11-25T00:00:00Z')).toEqual({
			date: '2026-11-24',
			startTime: '22:00',
			endTime: '24:00'
		});
		expect(readCalendarRange('2026-11-24T22:00:00Z', '2026-11-25T01:00:00Z')).toBeNull();
	});

	it('writes 24:00 as the next midnight', () => {
		expect(calendarString('2026-12-31', '24:00')).toBe('2027-01-01T00:00:00');
		expect(calendarString('2026-12-31', '09:30')).toBe('2026-12-31T09:30:00');
	});

	it('finds the Monday of a week', () => {
		expect(mondayOf('2026-11-29')).toBe('2026-11-23');
		expect(mondayOf('2026-11-23')).toBe('2026-11-23');
		expect(mondayOf('2026-11-25')).toBe('2026-11-23');
	});
});
