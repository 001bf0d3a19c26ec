import { describe, expect, it } from 'vitest';
import { dateInZone, wallClockToInstant, wallMinutesBetween } from './instants';

describe('wallClockToInstant', () => {
	it('reads the wall time in the given zone, winter and summer', () => {
		expect(wallClockToInstant('2026-01-15', '09:00', 'Europe/Paris')?.toISOString()).toBe(
			'2026-01-15T08:00:00.000Z'
		);
		expect(wallClockToInstant('2026-07-15', '09:00', 'Europe/Paris')?.toISOString()).toBe(
			'2026-07-15T07:00:00.000Z'
		);
		expect(wallClockToInstant('2026-07-15', '09:00', 'America/New_York')?.toISOString()).toBe(
			'2026-07-15T13:00:00.000Z'
		);
	});

	it('accepts 24:00 as the end of the day', () => {
		expect(wallClockToInstant('2026-01-15', '24:00', 'UTC')?.toISOString()).toBe(
			'2026-01-16T00:00:00.000Z'
		);
	});

	it('returns null for a time skipped by the spring-forward change', () => {
		expect(wallClockToInstant('2026-03-29', '02:30', 'Europe/Paris')).toBeNull();
	});

	it('throws on a malformed time', () => {
		expect(() => wallClockToInstant('2026-01-15', '9h', 'UTC')).toThrow(RangeError);
	});
});

describe('dateInZone', () => {
	it('gives the local calendar date, which may differ from the UTC one', () => {
		const lateUtc = new Date('2026-01-15T23:30:00Z');
		expect(dateInZone(lateUtc, 'UTC')).toBe('2026-01-15');
		expect(dateInZone(lateUtc, 'Europe/Paris')).toBe('2026-01-16');
		expect(dateInZone(lateUtc, 'America/New_York')).toBe('2026-01-15');
	});
});

describe('wallMinutesBetween', () => {
	it('measures wall-clock minutes, 24:00 included', () => {
		expect(wallMinutesBetween('09:00', '10:30')).toBe(90);
		expect(wallMinutesBetween('23:00', '24:00')).toBe(60);
		expect(wallMinutesBetween('10:00', '09:00')).toBe(-60);
		expect(wallMinutesBetween('bad', '09:00')).toBeNull();
	});
});
