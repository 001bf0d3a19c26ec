import { expect, test } from '@playwright/test';
import { bookUrl, DEMO, DESKTOP, PHONE, signedInPage, slotValue, snap } from './family-support';
import { expectAccessible } from './support';

/**
 * Every family screen at a phone and a desktop size: no serious axe-core
 * violation, nothing wider than the screen, and a screenshot to look at.
 */
for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
	test(`family screens at ${size} size (${viewport.width}×${viewport.height})`, async ({
		browser
	}) => {
		test.slow();
		const { context, page } = await signedInPage(browser, DEMO.parentMartin, viewport);
		const maths = { subject: 'MATHEMATIQUES', coach: DEMO.coachMaths, student: DEMO.lucas.id };
		await page.goto(bookUrl(maths));
		const slot = await slotValue(page, 6, 0);
		const screens: [string, string][] = [
			['screen-subject', '/book'],
			['screen-coach', bookUrl({ subject: 'MATHEMATIQUES' })],
			['screen-slot', bookUrl(maths)],
			['screen-details', bookUrl({ ...maths, slot })],
			['screen-confirm', bookUrl({ ...maths, slot, title: 'Géométrie', step: 'confirm' })],
			['screen-sessions', '/sessions'],
			['screen-credits', '/credits'],
			['screen-family', '/family']
		];
		for (const [name, url] of screens) {
			await page.goto(url);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
			await snap(page, name);
			await expectAccessible(page);
		}
		await context.close();
	});
}
