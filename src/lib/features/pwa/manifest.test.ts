import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n';
import { ICON_SIZES, webManifest } from './manifest';

const fr = (key: Parameters<typeof translate>[1]) => translate('fr', key);
const en = (key: Parameters<typeof translate>[1]) => translate('en', key);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string) {
	const bytes = readFileSync(file);
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the web app manifest', () => {
	it('opens a family on its home, a coach on the schedule, a stranger on the root', () => {
		expect(webManifest('fr', 'parent', fr).start_url).toBe('/parent');
		expect(webManifest('fr', 'student', fr).start_url).toBe('/student');
		expect(webManifest('fr', 'coach', fr).start_url).toBe('/coach');
		expect(webManifest('fr', null, fr).start_url).toBe('/');
	});

	it('offers a family "Réserver" and "Mes séances", in French first, in English on request', () => {
		expect(webManifest('fr', 'parent', fr).shortcuts.map((s) => [s.name, s.url])).toEqual([
			['Réserver', '/book'],
			['Mes séances', '/sessions']
		]);
		const english = webManifest('en', null, en);
		expect(english.lang).toBe('en');
		expect(english.shortcuts.map((s) => s.url)).toEqual(['/book', '/sessions']);
		expect(english.description).not.toBe(webManifest('fr', null, fr).description);
	});

	it('keeps one app identity whatever the role (only the start URL changes)', () => {
		expect(
			new Set(['parent', 'coach', 'admin'].map((r) => webManifest('fr', r as never, fr).id))
		).toEqual(new Set(['/']));
	});

	it('lists an "any" and a "maskable" icon of every size, each a PNG of that size', () => {
		const { icons } = webManifest('fr', null, fr);
		for (const size of ICON_SIZES)
			for (const purpose of ['any', 'maskable']) {
				const icon = icons.find((i) => i.sizes === `${size}x${size}` && i.purpose === purpose);
				expect(icon, `${purpose} ${size}`).toBeDefined();
				expect(pngSize(`static${icon!.src}`)).toEqual({ width: size, height: size });
			}
	});
});
