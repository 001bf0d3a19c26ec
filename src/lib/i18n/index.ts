import { getContext, setContext } from 'svelte';
import { en } from './en';
import { fr } from './fr';
import { coachMessages } from './messages/coach';
import { familyMessages } from './messages/family';
import { validationMessages } from './messages/validation';

// Each feature keeps its catalogue in messages/<feature>.ts; merged here.
const frAll = { ...fr, ...coachMessages.fr, ...familyMessages.fr, ...validationMessages.fr };
const enAll = { ...en, ...coachMessages.en, ...familyMessages.en, ...validationMessages.en };

export type MessageKey = keyof typeof frAll;
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const LOCALE_COOKIE = 'nexus_locale';

const catalogs: Record<Locale, Record<MessageKey, string>> = { fr: frAll, en: enAll };

/** Whether `key` names a message (for keys built from a code: `error.${code}` …). */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(frAll, key);

/** A field's error codes in the reader's language (`validation.<CODE>`, else INVALID). */
export function fieldMessages(i18n: Pick<I18n, 't'>, codes: readonly string[] | undefined) {
	return codes?.map((code) => {
		const key = `validation.${code}`;
		return i18n.t(isMessageKey(key) ? key : 'validation.INVALID');
	});
}

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** `t('home.hello', { name: 'Lucas' })` → "Bonjour Lucas". */
export function translate(
	locale: Locale,
	key: MessageKey,
	params?: Record<string, string | number>
) {
	const template = catalogs[locale][key] ?? frAll[key];
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
	t(key: MessageKey, params?: Record<string, string | number>): string;
	date(value: Date | string, options?: Intl.DateTimeFormatOptions): string;
}

const KEY = Symbol('i18n');

export function createI18n(getLocale: () => Locale, timeZone = 'Europe/Paris'): I18n {
	return {
		get locale() {
			return getLocale();
		},
		t: (key, params) => translate(getLocale(), key, params),
		date: (value, options = { dateStyle: 'full', timeStyle: 'short' }) =>
			new Intl.DateTimeFormat(getLocale() === 'fr' ? 'fr-FR' : 'en-GB', {
				timeZone,
				...options
			}).format(typeof value === 'string' ? new Date(value) : value)
	};
}

export const provideI18n = (i18n: I18n) => setContext(KEY, i18n);
export const useI18n = () => getContext<I18n>(KEY);
