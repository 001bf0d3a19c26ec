import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	dayOfWeek,
	eachDate,
	formatWallTime,
	isValidIsoDate,
	localDateTimeToInstant,
	parseIsoDate,
	parseWallTime
} from './wall-clock';

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('test environment', () => {
	it('runs in process TZ=UTC, so nothing below leans on a local zone', () => {
		expect(new Date(2026, 5, 1).getTimezoneOffset()).toBe(0);
	});
});

describe('parseWallTime / formatWallTime', () => {
	it('parses HH:MM to minutes since midnight', () => {
		expect(parseWallTime('00:00')).toBe(0);
		expect(parseWallTime('09:30')).toBe(570);
		expect(parseWallTime('23:59')).toBe(1439);
	});

	it('accepts 24:00 only when asked to (end times)', () => {
		expect(parseWallTime('24:00')).toBeNull();
		expect(parseWallTime('24:00', true)).toBe(1440);
	});

	it.each(['9:30', '09:3', '24:01', '25:00', '12:60', '', '09:30:00', ' 09:30', 'ab:cd'])(
		'rejects %j',
		(value) => {
			expect(parseWallTime(value, true)).toBeNull();
		}
	);

	it('formats minutes, with 1440 as 24:00', () => {
		expect(formatWallTime(0)).toBe('00:00');
		expect(formatWallTime(570)).toBe('09:30');
		expect(formatWallTime(1440)).toBe('24:00');
	});

	it.each([-1, 1441, 1.5, Number.NaN])('refuses to format %s', (minutes) => {
		expect(() => formatWallTime(minutes)).toThrow(RangeError);
	});
});

describe('calendar dates', () => {
	it('validates real calendar dates only', () => {
		expect(isValidIsoDate('2024-02-29')).toBe(true);
		expect(isValidIsoDate('2026-02-29')).toBe(false);
		expect(isValidIsoDate('2026-02-30')).toBe(false);
		expect(isValidIsoDate('2026-1-01')).toBe(false);
		expect(isValidIsoDate('2026-13-01')).toBe(false);
		expect(parseIsoDate('2026-03-29')).toBe(Date.UTC(2026, 2, 29));
	});

	it('gives the day of week with Sunday = 0', () => {
		expect(dayOfWeek('2026-03-29')).toBe(0);
		expect(dayOfWeek('2026-03-30')).toBe(1);
		expect(dayOfWeek('2026-04-04')).toBe(6);
	});

	it('adds days across months, years and DST dates', () => {
		expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
		expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('iterates dates inclusively without skipping or repeating DST days', () => {
		expect(eachDate('2026-03-28', '2026-03-31')).toEqual([
			'2026-03-28',
			'2026-03-29',
			'2026-03-30',
			'2026-03-31'
		]);
		expect(eachDate('2026-10-25', '2026-10-25')).toEqual(['2026-10-25']);
		expect(eachDate('2026-10-26', '2026-10-25')).toEqual([]);
		expect(eachDate('2026-12-30', '2027-01-02')).toHaveLength(4);
	});

	it('throws on malformed dates', () => {
		expect(() => dayOfWeek('2026-02-30')).toThrow(RangeError);
		expect(() => eachDate('x', '2026-01-01')).toThrow(RangeError);
	});
});

describe('localDateTimeToInstant', () => {
	it('maps 09:00 Paris to 08:00Z in winter and 07:00Z in summer', () => {
		expect(iso(localDateTimeToInstant('2026-03-23', 540, 'Europe/Paris'))).toBe(
			'2026-03-23T08:00:00.000Z'
		);
		expect(iso(localDateTimeToInstant('2026-03-30', 540, 'Europe/Paris'))).toBe(
			'2026-03-30T07:00:00.000Z'
		);
	});

	it('returns null inside the spring-forward gap (Paris 2026-03-29 02:00–03:00)', () => {
		expect(iso(localDateTimeToInstant('2026-03-29', 90, 'Europe/Paris'))).toBe(
			'2026-03-29T00:30:00.000Z'
		);
		expect(localDateTimeToInstant('2026-03-29', 120, 'Europe/Paris')).toBeNull();
		expect(localDateTimeToInstant('2026-03-29', 150, 'Europe/Paris')).toBeNull();
		expect(iso(localDateTimeToInstant('2026-03-29', 180, 'Europe/Paris'))).toBe(
			'2026-03-29T01:00:00.000Z'
		);
	});

	it('resolves fall-back ambiguity (Paris 2026-10-25 02:00–03:00) to the later instant', () => {
		expect(iso(localDateTimeToInstant('2026-10-25', 119, 'Europe/Paris'))).toBe(
			'2026-10-24T23:59:00.000Z'
		);
		expect(iso(localDateTimeToInstant('2026-10-25', 120, 'Europe/Paris'))).toBe(
			'2026-10-25T01:00:00.000Z'
		);
		expect(iso(localDateTimeToInstant('2026-10-25', 150, 'Europe/Paris'))).toBe(
			'2026-10-25T01:30:00.000Z'
		);
		expect(iso(localDateTimeToInstant('2026-10-25', 180, 'Europe/Paris'))).toBe(
			'2026-10-25T02:00:00.000Z'
		);
	});

	it('agrees with TZDate from @date-fns/tz on ambiguous times', () => {
		const ours = localDateTimeToInstant('2026-10-25', 150, 'Europe/Paris');
		expect(ours?.getTime()).toBe(new TZDate(2026, 9, 25, 2, 30, 'Europe/Paris').getTime());
		const nz = localDateTimeToInstant('2026-04-05', 150, 'Pacific/Auckland');
		expect(nz?.getTime()).toBe(new TZDate(2026, 3, 5, 2, 30, 'Pacific/Auckland').getTime());
		expect(iso(nz)).toBe('2026-04-04T14:30:00.000Z');
	});

	it('handles zones ahead of and behind UTC, and 24:00', () => {
		expect(iso(localDateTimeToInstant('2026-06-01', 540, 'Pacific/Auckland'))).toBe(
			'2026-05-31T21:00:00.000Z'
		);
		expect(iso(localDateTimeToInstant('2026-06-05', 1440, 'America/New_York'))).toBe(
			'2026-06-06T04:00:00.000Z'
		);
		expect(localDateTimeToInstant('2026-03-08', 150, 'America/New_York')).toBeNull();
		expect(iso(localDateTimeToInstant('2026-06-01', 0, 'UTC'))).toBe('2026-06-01T00:00:00.000Z');
	});

	it('handles half-hour offsets and half-hour DST shifts (Lord Howe)', () => {
		expect(iso(localDateTimeToInstant('2026-06-01', 540, 'Asia/Kolkata'))).toBe(
			'2026-06-01T03:30:00.000Z'
		);
		// Lord Howe springs forward 02:00 → 02:30 on 2026-10-04.
		expect(localDateTimeToInstant('2026-10-04', 135, 'Australia/Lord_Howe')).toBeNull();
		expect(iso(localDateTimeToInstant('2026-10-04', 150, 'Australia/Lord_Howe'))).toBe(
			'2026-10-03T15:30:00.000Z'
		);
	});

	it('returns null for an unknown zone and throws on bad minutes', () => {
		expect(localDateTimeToInstant('2026-06-01', 0, 'Mars/Olympus_Mons')).toBeNull();
		expect(() => localDateTimeToInstant('2026-06-01', 1441, 'UTC')).toThrow(RangeError);
	});
});
