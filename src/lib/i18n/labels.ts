/** Day names and dates for headings, formatted without any time-zone arithmetic. */
import type { IsoDate } from '$lib/core/time/types';

import { intlLocale as tag } from './intl';

// 22 November 2026 is a Sunday: day k of that week has dayOfWeek k.
const SUNDAY_MS = Date.UTC(2026, 10, 22);

export function weekdayName(dayOfWeek: number, locale: string): string {
	const name = new Intl.DateTimeFormat(tag(locale), { weekday: 'long', timeZone: 'UTC' }).format(
		SUNDAY_MS + dayOfWeek * 86_400_000
	);
	return name.charAt(0).toUpperCase() + name.slice(1);
}

export function dateLabel(date: IsoDate, locale: string, withYear = false): string {
	const label = new Intl.DateTimeFormat(tag(locale), {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		...(withYear ? { year: 'numeric' } : {}),
		timeZone: 'UTC'
	}).format(new Date(`${date}T00:00:00Z`));
	return label.charAt(0).toUpperCase() + label.slice(1);
}

/** '23 novembre 2026': the Monday a week starts on, without its weekday. */
export function weekLabel(monday: IsoDate, locale: string): string {
	return new Intl.DateTimeFormat(tag(locale), {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${monday}T00:00:00Z`));
}

export const rangeLabel = (startTime: string, endTime: string) => `${startTime}–${endTime}`;

/** '2026-11' → 'novembre 2026' (long) or 'nov.' (short): a calendar month, no zone involved. */
export function monthLabel(
	month: string,
	locale: string,
	style: 'short' | 'long' = 'long'
): string {
	const label = new Intl.DateTimeFormat(tag(locale), {
		month: style,
		year: style === 'long' ? 'numeric' : undefined,
		timeZone: 'UTC'
	}).format(new Date(`${month}-01T00:00:00Z`));
	// British English abbreviates September alone to four letters ("Sept"): keep the row even.
	return label === 'Sept' ? 'Sep' : label;
}
