/**
 * The one mapping from the app's locales to Intl (and FullCalendar) tags, and the one formatter of
 * instants. Everything that shows a date, a time or a number goes through `I18n` (index.ts) or
 * the helpers of format.ts, which end here.
 */

/** Where the company works: the zone used when neither a profile nor the browser names one. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

type AppLocale = 'fr' | 'en';

/** 'fr' → 'fr-FR', 'en' → 'en-GB' (day before month, 24-hour clock). */
export const intlLocale = (locale: AppLocale | string): string =>
	locale === 'fr' ? 'fr-FR' : 'en-GB';

/** FullCalendar's own locale codes. */
export const calendarLocale = (locale: AppLocale | string): string =>
	locale === 'fr' ? 'fr' : 'en-gb';

/** An instant in `timeZone`, worded for `locale`. */
export function formatInstant(
	value: Date | string,
	locale: AppLocale | string,
	timeZone: string,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' }
): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, ...options }).format(
		typeof value === 'string' ? new Date(value) : value
	);
}

export const formatNumber = (
	value: number,
	locale: AppLocale | string,
	options?: Intl.NumberFormatOptions
): string => new Intl.NumberFormat(intlLocale(locale), options).format(value);
