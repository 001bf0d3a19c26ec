import { describe, expect, it } from 'vitest';
import { createI18n, type Locale } from './';
import { shortWhen, timeLabel } from './format';

// 18:30 UTC on 3 December 2026: 19:30 that Thursday in Paris, already 07:30 on Friday in Auckland.
const AT = new Date('2026-12-03T18:30:00Z');
const i18nIn = (timeZone: string, locale: Locale = 'fr') =>
	createI18n(
		() => locale,
		() => timeZone
	);

describe('dates and times, in the viewer’s zone', () => {
	it('show the same instant as each viewer’s own wall clock', () => {
		expect(timeLabel(i18nIn('Europe/Paris'), AT)).toBe('19:30');
		expect(timeLabel(i18nIn('Pacific/Auckland'), AT)).toBe('07:30');
		expect(shortWhen(i18nIn('Europe/Paris'), AT)).toMatch(/^jeu\. 3 déc\./);
		expect(shortWhen(i18nIn('Pacific/Auckland'), AT)).toMatch(/^ven\. 4 déc\./);
		expect(i18nIn('Pacific/Auckland', 'en').date(AT)).toBe('Friday, 4 December 2026 at 07:30');
	});

	it('say which zone they are in, and fall back to Paris only without one', () => {
		expect(i18nIn('America/Montreal').timeZone).toBe('America/Montreal');
		expect(createI18n(() => 'fr').timeZone).toBe('Europe/Paris');
	});
});
