import { expect, type Page } from '@playwright/test';
import { bookMathsSession, cancelAsCoach, COACH, nextWeekday } from './coach-support';
import { DEMO, DESKTOP, PHONE, signedInPage } from './family-support';
import { expectAccessible, signIn, test } from './support';

/** Wait until the service worker controls the page (it claims clients when it activates). */
async function controlled(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 15_000
	});
}

const COPY_MARK = /Hors ligne, copie de .*\d{2}:\d{2}/;

for (const [viewport, hour] of [
	[PHONE, 14],
	[DESKTOP, 17]
] as const) {
	test(`a family reads its upcoming sessions offline, then sees them refresh (${viewport.width}px)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		const date = nextWeekday(3, 47);
		const first = await bookMathsSession(
			page.request,
			date,
			`${hour}:00`,
			`Hors ligne ${viewport.width}`
		);
		await signIn(page, DEMO.lucas.email);
		await expect(page).toHaveURL(/\/student/);
		await controlled(page);
		await page.goto('/sessions');
		const card = page.locator('article', { hasText: `Hors ligne ${viewport.width}` });
		await expect(card).toBeVisible();
		await expect(page.getByTestId('offline-copy')).toHaveCount(0);

		await context.setOffline(true);
		await page.reload();
		await expect(page.getByTestId('offline-copy')).toContainText(COPY_MARK);
		await expect(card).toBeVisible();
		// What needs the server says so instead of failing.
		await expect(card.getByRole('button', { name: 'Annuler' })).toBeDisabled();
		await expect(card.getByText('Connexion requise pour cette action.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Réserver une séance' })).toBeDisabled();
		await expectAccessible(page);

		// Booked elsewhere meanwhile; back online, the page loads afresh by itself.
		const second = await bookMathsSession(
			page.request,
			date,
			`${hour + 1}:00`,
			`Revenu en ligne ${viewport.width}`
		);
		await context.setOffline(false);
		await expect(page.getByTestId('offline-copy')).toHaveCount(0);
		await expect(
			page.locator('article', { hasText: `Revenu en ligne ${viewport.width}` })
		).toBeVisible();
		await expect(card.getByRole('link', { name: 'Annuler' })).toBeVisible();

		for (const id of [first, second]) await cancelAsCoach(page.request, id);
		await context.close();
	});

	test(`a coach reads the schedule offline, then sees it refresh (${viewport.width}px)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		// Each viewport its own week: no two runs compete for the coach's time.
		const date = nextWeekday(1, viewport === PHONE ? 47 : 54);
		const minute = '00';
		const first = await bookMathsSession(
			page.request,
			date,
			`17:${minute}`,
			`Planning hors ligne ${viewport.width}`
		);
		await signIn(page, COACH.maths.email);
		await expect(page).toHaveURL(/\/coach/);
		await controlled(page);
		await page.reload();
		const card = page.locator('article', { hasText: `Planning hors ligne ${viewport.width}` });
		await expect(card).toBeVisible();

		await context.setOffline(true);
		await page.reload();
		await expect(page.getByTestId('offline-copy')).toContainText(COPY_MARK);
		await expect(card).toBeVisible();
		await expect(card.getByRole('button', { name: 'Confirmer' })).toBeDisabled();
		await expect(card.getByText('Connexion requise pour cette action.')).toBeVisible();
		await expectAccessible(page);

		const second = await bookMathsSession(
			page.request,
			date,
			`18:${minute}`,
			`Planning revenu ${viewport.width}`
		);
		await context.setOffline(false);
		await expect(page.getByTestId('offline-copy')).toHaveCount(0);
		await expect(
			page.locator('article', { hasText: `Planning revenu ${viewport.width}` })
		).toBeVisible();
		await expect(card.getByRole('button', { name: 'Confirmer' })).toBeEnabled();

		for (const id of [first, second]) await cancelAsCoach(page.request, id);
		await context.close();
	});
}

test('signing out drops the offline copy; a page without one says it is offline', async ({
	browser
}) => {
	const { context, page } = await signedInPage(browser, DEMO.lucas.email, PHONE, /\/student/);
	await controlled(page);
	await page.goto('/sessions');
	await expect(page.getByRole('heading', { name: 'Mes séances', level: 1 })).toBeVisible();
	expect(await page.evaluate(() => caches.keys())).toEqual(
		expect.arrayContaining([expect.stringMatching(/^copies-/)])
	);
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL(/\/login/);
	await expect
		.poll(() =>
			page.evaluate(async () => {
				for (const key of await caches.keys())
					if (key.startsWith('copies-') && (await (await caches.open(key)).keys()).length)
						return 'kept';
				return 'dropped';
			})
		)
		.toBe('dropped');

	await context.setOffline(true);
	await page.goto('/sessions').catch(() => null);
	await expect(page.getByRole('heading', { name: 'Vous êtes hors ligne' })).toBeVisible();
	await context.close();
});
