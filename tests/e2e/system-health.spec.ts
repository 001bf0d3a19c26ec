import { expect, type Page } from '@playwright/test';
import { expectAccessible, signIn, test, withE2eDatabase } from './support';

/**
 * The staff's /assistant/health at phone and laptop widths, French and English: the request
 * figures of this server (the sign-in it just answered is among them), the delivery figures
 * of the chosen period from SQL, axe-clean, and no page wider than the screen.
 */
test.beforeAll(async () => {
	// One email delivered 1.5 s after it was due, ten minutes ago (the assistant's own, so no
	// family's screen changes).
	await withE2eDatabase(
		(sql) => sql`
			insert into public.session_notifications
				(recipient_id, type, method, status, title, message, due_at, next_attempt_at, sent_at, attempts)
			values ('00000000-0000-4000-8000-000000000002', 'SESSION_BOOKED', 'EMAIL', 'SENT',
				'Fixture', 'Fixture', now() - interval '10 minutes', now() - interval '10 minutes',
				now() - interval '10 minutes' + interval '1.5 seconds', 1)`
	);
});

async function fitsTheScreen(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test('on a phone, in French: reached from the staff navigation, explained, axe-clean', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, 'assistant@nexus.test');
	await expect(page).toHaveURL('/assistant');
	await page
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Santé' })
		.click();
	await expect(page).toHaveURL('/assistant/health');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Santé du système');

	const routes = page.getByRole('region', { name: 'Temps de réponse par route' });
	await expect(routes.getByRole('rowheader', { name: 'Toutes les routes' })).toBeVisible();
	await expect(routes.getByRole('rowheader', { name: 'POST /login', exact: true })).toBeVisible();
	await expect(page.getByText(/p95 : 19 sur 20/)).toBeVisible();

	const deliveries = page.getByTestId('delivery-health');
	const email = deliveries
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'E-mail' }) });
	await expect(email).toBeVisible();
	// The demo week has its own deliveries (a failed one among them): at least the fixture's.
	expect(Number(await email.getByRole('cell').first().innerText())).toBeGreaterThanOrEqual(1);
	await expect(email.getByRole('cell').nth(3)).toHaveText(/^\d+(,\d)?\u00a0%$/);
	if (process.env.HEALTH_SCREENSHOTS)
		await page.screenshot({ path: `${process.env.HEALTH_SCREENSHOTS}/phone.png`, fullPage: true });
	await expect(page.getByRole('heading', { name: 'Retard des rappels' })).toBeVisible();

	await fitsTheScreen(page);
	await expectAccessible(page);

	// Another period: the form reloads the page with it.
	await page.getByLabel('Période').selectOption('7d');
	await page.getByRole('button', { name: 'Afficher' }).click();
	await expect(page).toHaveURL('/assistant/health?window=7d');
	await expect(page.getByLabel('Période')).toHaveValue('7d');
	await context.close();
});

test('on a laptop, in English: the same figures, axe-clean', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await signIn(page, 'assistant@nexus.test');
	await expect(page).toHaveURL('/assistant');
	await page.goto('/assistant/health');
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('System health');
	await expect(page.getByRole('heading', { name: 'Refusals (4xx) by code' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Notification delivery' })).toBeVisible();
	await expect(
		page.getByTestId('delivery-health').getByRole('rowheader', { name: 'Every channel' })
	).toBeVisible();
	await fitsTheScreen(page);
	await expectAccessible(page);
	if (process.env.HEALTH_SCREENSHOTS)
		await page.screenshot({ path: `${process.env.HEALTH_SCREENSHOTS}/laptop.png`, fullPage: true });
	await context.close();
});
