import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirects';

describe('safeRedirect keeps redirects on this site and their Location header valid', () => {
	it.each([
		['/sessions', '/sessions'],
		['/book?subject=MATHS&step=confirm#top', '/book?subject=MATHS&step=confirm#top'],
		['/日本', '/%E6%97%A5%E6%9C%AC'],
		['/sessions?title=élève café', '/sessions?title=%C3%A9l%C3%A8ve%20caf%C3%A9'],
		['/%E6%97%A5%E6%9C%AC', '/%E6%97%A5%E6%9C%AC'],
		['/a/../b', '/b']
	])('%s → %s', (target, expected) => {
		expect(safeRedirect(target)).toBe(expected);
	});

	it.each([
		['another origin', 'https://evil.test/'],
		['a protocol-relative URL', '//evil.test'],
		['a backslash trick', '/\\evil.test'],
		['a tab the URL parser would drop', '/\t/evil.test'],
		['a newline (header injection)', '/x\r\nset-cookie: a=b'],
		['a NUL byte', '/x\u0000y'],
		['dot segments collapsing into //host', '/.//evil.test'],
		['a relative path', 'sessions'],
		['javascript:', 'javascript:alert(1)'],
		['no text at all', undefined],
		['a file upload', new Blob(['x'])]
	])('refuses %s', (_, target) => {
		expect(safeRedirect(target)).toBe('/');
		expect(safeRedirect(target, '/home')).toBe('/home');
	});

	it('every answer is printable ASCII starting with a single slash', () => {
		for (const target of ['/\u{1F393}', '/a b', '/\u2028', '/\ud800', '/?q=\u00a0']) {
			expect(safeRedirect(target)).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
		}
	});
});
