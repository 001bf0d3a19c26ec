import { describe, expect, it } from 'vitest';
import { appUrl } from '../support/api';
import { DEMO, DEMO_EMAILS, DEMO_PASSWORD } from '../support/demo';
import { postForm, signInCookie } from '../support/forms';

const JAPAN = '/%E6%97%A5%E6%9C%AC';

describe('redirect targets from the request', () => {
	it('/locale with a non-ASCII redirectTo redirects to its percent-encoded path, not a 500', async () => {
		const res = await postForm('/locale', { locale: 'fr', redirectTo: '/日本' });
		expect(res.status).toBe(303);
		expect(res.location).toBe(JAPAN);
	});

	it('/locale with control characters or another site in redirectTo goes home', async () => {
		for (const redirectTo of ['/x\u0000y', '/\t/evil.test', '//evil.test', '/.//evil.test']) {
			const res = await postForm('/locale', { locale: 'en', redirectTo });
			expect(res.status, redirectTo).toBe(303);
			expect(res.location, redirectTo).toBe('/');
		}
	});

	it('signing in with ?next= holding non-ASCII lands there, with the cookies and no 500', async () => {
		const page = await fetch(`${appUrl()}/login?next=${JAPAN}`);
		expect(page.status).toBe(200);
		// The form carries the normalised target back.
		expect(await page.text()).toContain(`name="next" value="${JAPAN}"`);

		const res = await postForm('/login', {
			email: DEMO_EMAILS.lucas,
			password: DEMO_PASSWORD,
			next: '/日本'
		});
		expect(res.status).toBe(303);
		expect(res.location).toBe(JAPAN);
		expect(res.setCookies.length).toBeGreaterThan(0);
	});

	it('signing in with a control character in next goes to the home page of the role', async () => {
		const res = await postForm('/login', {
			email: DEMO_EMAILS.lucas,
			password: DEMO_PASSWORD,
			next: '/sessions\r\nx: y'
		});
		expect(res.status).toBe(303);
		expect(res.location).toBe('/student');
	});

	it("a parent's child switch redirects only to a normalised path of this site", async () => {
		const cookie = await signInCookie(DEMO_EMAILS.parentMartin);
		const japan = await postForm(
			'/family?/switch',
			{ child: DEMO.emma, redirectTo: '/日本' },
			{ cookie }
		);
		expect(japan.status).toBe(303);
		expect(japan.location).toBe(JAPAN);
		const evil = await postForm(
			'/family?/switch',
			{ child: DEMO.emma, redirectTo: '/\u0001//evil.test' },
			{ cookie }
		);
		expect(evil.location).toBe('/');
	});
});
