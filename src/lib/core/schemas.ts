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

/** The same rule for a duration read from a query string or a form. */
export const DurationParamSchema = z.coerce
	.number({ error: 'Must be a number of minutes' })
	.pipe(DurationSchema);

/**
 * Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) have no place in what
 * people type, and PostgreSQL refuses U+0000 outright (22021 in text, 22P05 in jsonb): refusing
 * them here turns a would-be 500 into a field error. Multi-line fields (descriptions, notes,
 * feedback, reasons) keep line breaks and tabs: \n, \r (browsers post CRLF) and \t. A lone
 * UTF-16 surrogate (possible in JSON: "\ud800") is refused too: it is not text, and would be
 * stored as U+FFFD without a word.
 */
const CONTROL_CHARS = /[\p{Cc}\p{Cs}]/u;
const CONTROL_CHARS_BUT_LAYOUT = /[^\P{Cc}\t\n\r]|\p{Cs}/u;

export interface TextOptions {
	/** Let \n, \r and \t through (textareas). */
	multiline?: boolean;
}

export function hasControlChars(value: string, { multiline = false }: TextOptions = {}): boolean {
	return (multiline ? CONTROL_CHARS_BUT_LAYOUT : CONTROL_CHARS).test(value);
}

const text = (what: string) => z.string({ error: `${what} must be text` });

const refuseControlChars = (schema: z.ZodString, what: string, options: TextOptions) =>
	schema.refine((value) => !hasControlChars(value, options), {
		error: `${what} must not contain control characters`,
		params: { code: 'CONTROL_CHARACTERS' }
	});

/**
 * The one guard of every free-text field: text without control characters, kept as is (no
 * trim) for values that must not change (keys, tokens, passwords). `trimmed` and `optionalText`
 * apply the same guard after trimming, so a stray trailing newline in a one-line field is fine.
 */
export const plainText = (what: string, options: TextOptions = {}) =>
	refuseControlChars(text(what), what, options);

export const trimmed = (max: number, what: string, options: TextOptions = {}) =>
	refuseControlChars(text(what).trim(), what, options)
		.min(1, { error: `${what} must not be empty` })
		.max(max, { error: `${what} must be at most ${max} characters` });

export const optionalText = (max: number, what: string, options: TextOptions = {}) =>
	refuseControlChars(text(what).trim(), what, options)
		.max(max, { error: `${what} must be at most ${max} characters` })
		.optional();

/**
 * The phone rule, written once: exactly the `profiles.phone` check constraint of
 * 20261124090100_people.sql (a parity test reads it back from the database). Digits, spaces and
 * `+ . - ( )`, 6 to 20 characters.
 */
export const PHONE_PATTERN = /^\+?[0-9 .()-]{6,20}$/;

/** An optional phone as typed in a form: trimmed, empty → null, else it must follow the rule. */
export const OptionalPhoneSchema = z
	.string({ error: 'INVALID_PHONE' })
	.trim()
	.transform((value) => value || null)
	.pipe(z.string().regex(PHONE_PATTERN, { error: 'INVALID_PHONE' }).nullable());

/**
 * A form's zod errors as stable codes per field, for the screen to word in the reader's language
 * (`validation.<CODE>` messages; `CODE:n` carries a bound): never zod's own English, nor a regex.
 * The JSON API keeps its English messages (`fieldErrors` in server/http/errors.ts).
 */
export function fieldCodes(error: z.ZodError): Record<string, string[]> {
	const fields: Record<string, string[]> = {};
	for (const issue of error.issues) {
		(fields[issue.path.join('.') || '_'] ??= []).push(issueCode(issue));
	}
	return fields;
}

const CODE = /^[A-Z][A-Z_]+$/;

function issueCode(issue: z.core.$ZodIssue): string {
	const declared = (issue as { params?: { code?: unknown } }).params?.code;
	if (typeof declared === 'string' && CODE.test(declared)) return declared;
	if (CODE.test(issue.message)) return issue.message;
	switch (issue.code) {
		case 'too_small':
			return issue.origin === 'string' && Number(issue.minimum) <= 1
				? 'REQUIRED'
				: `TOO_SHORT:${issue.minimum}`;
		case 'too_big':
			return `TOO_LONG:${issue.maximum}`;
		case 'invalid_format':
			return issue.format === 'email' ? 'INVALID_EMAIL' : 'INVALID';
		case 'invalid_type':
			return issue.input === undefined ? 'REQUIRED' : 'INVALID';
		default:
			return 'INVALID';
	}
}

/** Inclusive day count of a date range, or null when a date is invalid. */
export function rangeDays(startDate: string, endDate: string): number | null {
	const from = parseIsoDate(startDate);
	const to = parseIsoDate(endDate);
	return from === null || to === null ? null : Math.round((to - from) / MS_PER_DAY) + 1;
}
