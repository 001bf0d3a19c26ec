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

describe('French typography and English wording', () => {
	it('elides « de » before a vowel: « d’Emma », « de Lucas », « de Hugo »', async () => {
		const { ofName } = await import('./format');
		expect(['Emma', 'Lucas', 'Hugo', 'Éloïse'].map(ofName)).toEqual([
			'd’Emma',
			'de Lucas',
			'de Hugo',
			'd’Éloïse'
		]);
	});

	it('puts a no-break space before a French colon, none in English', async () => {
		const { labelled } = await import('./format');
		expect(labelled(i18nIn('Europe/Paris'), 'Adresse e-mail')).toBe('Adresse e-mail\u00a0: ');
		expect(labelled(i18nIn('Europe/Paris', 'en'), 'Email address')).toBe('Email address: ');
	});

	it('counts days in words, not "day(s)"', async () => {
		const { daysLabel } = await import('./format');
		expect(daysLabel(i18nIn('UTC', 'en'), 1)).toBe('1 day');
		expect(daysLabel(i18nIn('UTC', 'en'), 2)).toBe('2 days');
		expect(daysLabel(i18nIn('UTC'), 2)).toBe('2 jours');
		expect(
			i18nIn('UTC', 'en').t('coach.save.saved', { days: daysLabel(i18nIn('UTC', 'en'), 2) })
		).toBe('Saved (2 days). Families already see these slots.');
	});

	it('abbreviates every English month to three letters (no "Sept")', async () => {
		const { monthLabel } = await import('./labels');
		expect(monthLabel('2026-09', 'en', 'short')).toBe('Sep');
		expect(monthLabel('2026-09', 'fr', 'short')).toBe('sept.');
	});
});

describe('measured times and shares', () => {
	it('pick the unit that reads best, in each language', async () => {
		const { elapsedLabel, percentLabel } = await import('./format');
		const fr = i18nIn('Europe/Paris');
		const en = i18nIn('Europe/Paris', 'en');
		// French puts a narrow no-break space before the unit.
		expect(elapsedLabel(fr, 4.25)).toBe('4,3\u202fms');
		expect(elapsedLabel(fr, 312.4)).toBe('312\u202fms');
		expect(elapsedLabel(fr, 1534)).toBe('1,5\u202fs');
		expect(elapsedLabel(en, 600_000)).toBe('10 mins');
		expect(elapsedLabel(en, 7_200_000)).toBe('2 hrs');
		expect(percentLabel(fr, 0.9712)).toBe('97,1\u00a0%');
		expect(percentLabel(en, 0.5)).toBe('50%');
	});
});

describe('the catalogues', () => {
	it('never hedge a plural with "(s)": counts go through counted / creditsLabel', async () => {
		const { readdirSync, readFileSync } = await import('node:fs');
		const dir = new URL('./messages/', import.meta.url);
		const files = [
			new URL('./fr.ts', import.meta.url),
			new URL('./en.ts', import.meta.url),
			...readdirSync(dir).map((f) => new URL(f, dir))
		];
		const hedged = files.flatMap((file) =>
			readFileSync(file, 'utf8')
				.split('\n')
				.filter((line) => /'[^']*\w\((s|es|ies|e)\)[^']*'/.test(line))
				.map((line) => `${file.pathname.split('/').pop()}: ${line.trim()}`)
		);
		expect(hedged).toEqual([]);
	});
});
