import type { I18n, MessageKey } from './';
import { intlLocale } from './intl';

/**
 * « de Lucas », « d’Emma »: French elides « de » before a vowel (not before h, which a name like
 * Hugo keeps aspirated in speech). For `{ofName}` in French messages; English ones use `{name}`.
 */
export const ofName = (name: string) =>
	/^[aeiouyàâäéèêëîïôöûüœæ]/i.test(name.trim()) ? `d’${name}` : `de ${name}`;

/** "Label : " in French (a no-break space before the colon), "Label: " in English. */
export const labelled = (i18n: I18n, label: string) =>
	i18n.locale === 'fr' ? `${label}\u00a0: ` : `${label}: `;

/** 30 → "30 min", 60 → "1 h", 90 → "1 h 30". */
export function durationLabel(i18n: I18n, minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours === 0) return i18n.t('book.slot.minutes', { minutes });
	if (rest === 0) return i18n.t('book.slot.hours', { hours });
	return i18n.t('book.slot.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}

/** "mercredi 3 décembre" */
export const dayLabel = (i18n: I18n, at: Date | string) =>
	i18n.date(at, { weekday: 'long', day: 'numeric', month: 'long' });

/** "mer. 3 déc., 17:00" */
export const shortWhen = (i18n: I18n, at: Date | string) =>
	i18n.date(at, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit'
	});

/** "17:00" */
export const timeLabel = (i18n: I18n, at: Date | string) =>
	i18n.date(at, { hour: '2-digit', minute: '2-digit' });

/** "Sophie Bernard" → "SB" */
export const initials = (first: string, last: string) =>
	`${first.charAt(0)}${last.charAt(0)}`.toUpperCase();

export const subjectName = (i18n: I18n, subject: { nameFr: string; nameEn: string }) =>
	i18n.locale === 'fr' ? subject.nameFr : subject.nameEn;

const isOne = (i18n: I18n, count: number) =>
	new Intl.PluralRules(intlLocale(i18n.locale)).select(count) === 'one';

/** "1 jour", "2 days" (French counts 0 as singular, English does not). */
export const daysLabel = (i18n: I18n, count: number) =>
	i18n.t(isOne(i18n, count) ? 'coach.days.one' : 'coach.days.other', { count });

/**
 * A count with its noun in the right number: `counted(i18n, n, 'x.one', 'x.other')` over two
 * literal keys that take `{count}` (French counts 0 as singular, English does not).
 */
export const counted = (i18n: I18n, count: number, one: MessageKey, other: MessageKey) =>
	i18n.t(isOne(i18n, count) ? one : other, { count });

/** "1 crédit", "3 crédits" (French counts 0 as singular, English does not). */
export const creditsLabel = (i18n: I18n, count: number) =>
	i18n.t(isOne(i18n, count) ? 'credits.one' : 'credits.other', { count });

/** "crédit" / "crédits", the word alone (under a big number). */
export const creditsUnit = (i18n: I18n, count: number) =>
	i18n.t(isOne(i18n, count) ? 'credits.unit.one' : 'credits.unit.other');

/** 4.2 → "4,2 ms", 1534 → "1,5 s", 600000 → "10 min", 7200000 → "2 h" (a measured time). */
export function elapsedLabel(i18n: I18n, ms: number): string {
	const unit = (value: number, unit: string, digits = 1) =>
		i18n.number(value, {
			style: 'unit',
			unit,
			unitDisplay: 'short',
			maximumFractionDigits: digits
		});
	if (ms < 10) return unit(ms, 'millisecond');
	if (ms < 1000) return unit(ms, 'millisecond', 0);
	if (ms < 60_000) return unit(ms / 1000, 'second');
	if (ms < 3_600_000) return unit(ms / 60_000, 'minute');
	return unit(ms / 3_600_000, 'hour');
}

/** 0.9712 → "97,1 %" ("97.1%"). */
export const percentLabel = (i18n: I18n, ratio: number) =>
	i18n.number(ratio, { style: 'percent', maximumFractionDigits: 1 });

/** The `one` or `other` message for `count`, by the language's plural rules (never "(s)"). */
export const pluralLabel = (
	i18n: I18n,
	count: number,
	keys: { one: MessageKey; other: MessageKey },
	params: Record<string, string | number> = {}
) => i18n.t(isOne(i18n, count) ? keys.one : keys.other, { ...params, count });
