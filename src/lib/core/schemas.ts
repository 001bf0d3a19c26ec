/**
 * zod primitives shared by every feature's request schemas: clear 400s before any SQL runs.
 * Bodies and query strings are strict, so a misspelt field is reported, not ignored.
 */
import { z } from 'zod';
import { MS_PER_DAY, parseIsoDate, parseWallTime } from './time/wall-clock';
import { DURATION_MULTIPLE_MINUTES, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from './policy';

export const UuidSchema = z.uuid({ error: 'Must be a UUID' });

export const IsoDateSchema = z
	.string({ error: 'Must be a date YYYY-MM-DD' })
	.refine((v) => parseIsoDate(v) !== null, { error: 'Must be a real date YYYY-MM-DD' });

export const StartTimeSchema = z
	.string({ error: 'Must be a time HH:MM' })
	.refine((v) => parseWallTime(v) !== null, { error: 'Must be a time HH:MM (00:00–23:59)' });

/** An end time may be 24:00 (a slot running to midnight). */
export const EndTimeSchema = z
	.string({ error: 'Must be a time HH:MM' })
	.refine((v) => parseWallTime(v, true) !== null, { error: 'Must be a time HH:MM (up to 24:00)' });

export const SubjectCodeSchema = z
	.string({ error: 'Must be a subject code' })
	.regex(/^[A-Z_]{2,40}$/, { error: 'Must be a subject code such as MATHEMATIQUES' });

export const DurationSchema = z
	.number({ error: 'Must be a number of minutes' })
	.int({ error: 'Must be a whole number of minutes' })
	.min(MIN_DURATION_MINUTES, { error: `Must be at least ${MIN_DURATION_MINUTES} minutes` })
	.max(MAX_DURATION_MINUTES, { error: `Must be at most ${MAX_DURATION_MINUTES} minutes` })
	.multipleOf(DURATION_MULTIPLE_MINUTES, {
		error: `Must be a multiple of ${DURATION_MULTIPLE_MINUTES} minutes`
	});

export const trimmed = (max: number, what: string) =>
	z
		.string({ error: `${what} must be text` })
		.trim()
		.min(1, { error: `${what} must not be empty` })
		.max(max, { error: `${what} must be at most ${max} characters` });

export const optionalText = (max: number, what: string) =>
	z
		.string({ error: `${what} must be text` })
		.trim()
		.max(max, { error: `${what} must be at most ${max} characters` })
		.optional();

/** Inclusive day count of a date range, or null when a date is invalid. */
export function rangeDays(startDate: string, endDate: string): number | null {
	const from = parseIsoDate(startDate);
	const to = parseIsoDate(endDate);
	return from === null || to === null ? null : Math.round((to - from) / MS_PER_DAY) + 1;
}
