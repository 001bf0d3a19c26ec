import { getContext, setContext } from 'svelte';
import { en } from './en';
import { fr } from './fr';
import { boardMessages } from './messages/board';
import { coachMessages } from './messages/coach';
import { creditMessages } from './messages/credits';
import { staffToolMessages } from './messages/staff-tools';
import { familyMessages } from './messages/family';
import { notificationMessages } from './messages/notifications';
import { errorMessages } from './messages/errors';
import { validationMessages } from './messages/validation';
import { pwaMessages } from './messages/pwa';
import { staffNavMessages } from './messages/staff-nav';
import type { healthMessages } from './messages/health';
import type { analyticsMessages } from './messages/analytics';
import { DEFAULT_TIME_ZONE, formatInstant, formatNumber } from './intl';

export { DEFAULT_TIME_ZONE } from './intl';

// Each feature keeps its catalogue in messages/<feature>.ts; merged here.
const frAll = {
	...fr,
	...boardMessages.fr,
	...coachMessages.fr,
	...creditMessages.fr,
	...staffToolMessages.fr,
	...familyMessages.fr,
	...notificationMessages.fr,
	...errorMessages.fr,
	...validationMessages.fr,
	...pwaMessages.fr,
	...staffNavMessages.fr
};
const enAll = {
	...en,
	...boardMessages.en,
	...coachMessages.en,
	...creditMessages.en,
	...staffToolMessages.en,
	...familyMessages.en,
	...notificationMessages.en,
	...errorMessages.en,
	...validationMessages.en,
	...pwaMessages.en,
	...staffNavMessages.en
};

/** Staff screens' catalogues: their keys are typed everywhere, their words loaded by i18n/staff.ts. */
type StaffMessages = (typeof healthMessages)['fr'] & (typeof analyticsMessages)['fr'];
export type MessageKey = keyof typeof frAll | keyof StaffMessages;
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const LOCALE_COOKIE = 'nexus_locale';
/** The browser's own IANA zone, written by the root layout, for pages rendered on the server. */
export const TIME_ZONE_COOKIE = 'nexus_tz';

const catalogs: Record<Locale, Partial<Record<MessageKey, string>>> = {
	fr: { ...frAll },
	en: { ...enAll }
};

/** Add a screen's catalogue (i18n/staff.ts); registering the same one again changes nothing. */
export function registerMessages(messages: {
	fr: Partial<Record<MessageKey, string>>;
	en: Partial<Record<MessageKey, string>>;
}) {
	Object.assign(catalogs.fr, messages.fr);
	Object.assign(catalogs.en, messages.en);
}

/** Whether `key` names a message (for keys built from a code: `error.${code}` …). */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(catalogs.fr, key);

/** The message key of an error code (`error.<CODE>`); an unknown code reads as INTERNAL. */
export function errorKey(code: string | null | undefined): MessageKey {
	const key = `error.${code}`;
	return isMessageKey(key) ? key : 'error.INTERNAL';
}

/** An error code as a sentence in the reader's language, from the one catalogue. */
export const errorText = (i18n: Pick<I18n, 't'>, code: string | null | undefined) =>
	i18n.t(errorKey(code));

/**
 * A field's error codes (core/schemas.ts `fieldCodes`) in the reader's language:
 * `validation.<CODE>`, `CODE:n` filling `{n}`; anything else reads as INVALID, never as is.
 */
export function fieldMessages(i18n: Pick<I18n, 't'>, codes: readonly string[] | undefined) {
	return codes?.map((entry) => {
		const [code, n = ''] = entry.split(':');
		const key = `validation.${code}`;
		return i18n.t(isMessageKey(key) ? key : 'validation.INVALID', { n });
	});
}

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** `t('home.hello', { name: 'Lucas' })` → "Bonjour Lucas". */
export function translate(
	locale: Locale,
	key: MessageKey,
	params?: Record<string, string | number>
) {
	// A staff screen's key read before its catalogue was registered shows as the key, never throws.
	const template = catalogs[locale][key] ?? catalogs.fr[key] ?? key;
	return params
		? template.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`))
		: template;
}

/** Pick the first supported language from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null): Locale {
	for (const part of (acceptLanguage ?? '').split(',')) {
		const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
		if (isLocale(tag)) return tag;
	}
	return DEFAULT_LOCALE;
}

export interface I18n {
	readonly locale: Locale;
	/** The viewer's IANA zone: every date and time is shown in it. */
	readonly timeZone: string;
	t(key: MessageKey, params?: Record<string, string | number>): string;
	/** An instant, in the viewer's zone and language. */
	date(value: Date | string, options?: Intl.DateTimeFormatOptions): string;
	number(value: number, options?: Intl.NumberFormatOptions): string;
}

const KEY = Symbol('i18n');

/**
 * The page's i18n: `getTimeZone` is the viewer's zone (their profile's, else their browser's, see
 * the root layout), never a fixed one.
 */
export function createI18n(
	getLocale: () => Locale,
	getTimeZone: () => string = () => DEFAULT_TIME_ZONE
): I18n {
	return {
		get locale() {
			return getLocale();
		},
		get timeZone() {
			return getTimeZone();
		},
		t: (key, params) => translate(getLocale(), key, params),
		date: (value, options) => formatInstant(value, getLocale(), getTimeZone(), options),
		number: (value, options) => formatNumber(value, getLocale(), options)
	};
}

export const provideI18n = (i18n: I18n) => setContext(KEY, i18n);
export const useI18n = () => getContext<I18n>(KEY);
