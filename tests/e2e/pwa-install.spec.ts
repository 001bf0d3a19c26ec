import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { bookMathsSession, cancelAsCoach, nextWeekday, PARENT_MARTIN } from './coach-support';
import { DESKTOP, PHONE } from './family-support';
import { expectAccessible, signIn, test } from './support';

/** The page's service worker is active and controls it. */
async function serviceWorkerReady(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
	});
}

/** What Chromium's own installability check says about the current page. */
async function installabilityErrors(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	await cdp.detach();
	return installabilityErrors.map((e) => e.errorId);
}

/** Chromium's `beforeinstallprompt`, as the browser fires it once the app is installable. */
async function offerInstall(page: Page) {
	// After hydration: the root layout listens from its onMount.
	await page.waitForLoadState('networkidle');
	await page.evaluate(() => {
		const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
			prompt(): Promise<void>;
			userChoice: Promise<{ outcome: string }>;
		};
		event.prompt = async () => {
			(window as unknown as { prompted: boolean }).prompted = true;
		};
		event.userChoice = Promise.resolve({ outcome: 'accepted' });
		window.dispatchEvent(event);
	});
}

test('Chromium finds the app installable: manifest, icons and service worker', async ({
	baseURL
}, testInfo) => {
	// A profile on disk: Playwright's usual contexts are incognito, which Chromium never installs.
	const profile = mkdtempSync(path.join(tmpdir(), 'nexus-pwa-'));
	const context = await chromium.launchPersistentContext(profile, {
		...testInfo.project.use.launchOptions,
		baseURL,
		locale: 'fr-FR'
	});
	const page = context.pages()[0] ?? (await context.newPage());
	await signIn(page, PARENT_MARTIN);
	await expect(page).toHaveURL(/\/parent/);
	await serviceWorkerReady(page);
	await expect.poll(() => installabilityErrors(page), { timeout: 10_000 }).toEqual([]);

	// The manifest opens a parent on their home, in French, with the two family shortcuts.
	const manifest = await (await page.request.get('/manifest.webmanifest')).json();
	expect(manifest).toMatchObject({
		id: '/',
		start_url: '/parent',
		display: 'standalone',
		lang: 'fr',
		theme_color: '#1d3a8a'
	});
	expect(manifest.shortcuts.map((s: { name: string; url: string }) => [s.name, s.url])).toEqual([
		['Réserver', '/book'],
		['Mes séances', '/sessions']
	]);
	for (const icon of manifest.icons) {
		const answer = await page.request.get(icon.src);
		expect(answer.headers()['content-type'], icon.src).toBe('image/png');
	}
	expect(
		manifest.icons.filter((i: { purpose: string }) => i.purpose === 'maskable').length
	).toBeGreaterThanOrEqual(10);
	await context.close();
	rmSync(profile, { recursive: true, force: true });
});

test('a stranger’s manifest opens on the root, in English when asked', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'en-GB' });
	const answer = await context.request.get('/manifest.webmanifest', {
		headers: { 'accept-language': 'en-GB,en;q=0.8' }
	});
	expect(answer.status()).toBe(200);
	expect(answer.headers()['content-type']).toContain('application/manifest+json');
	const manifest = await answer.json();
	expect(manifest).toMatchObject({ start_url: '/', lang: 'en' });
	expect(manifest.shortcuts.map((s: { name: string }) => s.name)).toEqual(['Book', 'My sessions']);
	await context.close();
});

for (const viewport of [PHONE, DESKTOP]) {
	test(`the install offer comes after a booking, never on sign-in (${viewport.width}px)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		await page.goto('/login');
		await offerInstall(page);
		await expect(page.getByTestId('install-offer')).toHaveCount(0);

		await signIn(page, PARENT_MARTIN);
		await expect(page).toHaveURL(/\/parent/);
		await offerInstall(page);
		await expect(page.getByTestId('install-offer')).toHaveCount(0);

		// Where the wizard lands after a booking.
		const startTime = viewport === PHONE ? '14:00' : '15:00';
		const id = await bookMathsSession(
			page.request,
			nextWeekday(3, 40),
			startTime,
			`Installer l’app ${viewport.width}`
		);
		await page.goto(`/sessions?booked=${id}`);
		await offerInstall(page);
		const offer = page.getByTestId('install-offer');
		await expect(offer.getByRole('heading', { name: 'Installer l’application' })).toBeVisible();
		await expect(offer).toBeInViewport();
		await expectAccessible(page);
		await offer.getByRole('button', { name: 'Installer' }).click();
		await expect(offer).toHaveCount(0);
		expect(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(
			true
		);

		// "Plus tard" is remembered on this device.
		await page.reload();
		await offerInstall(page);
		await page.getByTestId('install-offer').getByRole('button', { name: 'Plus tard' }).click();
		await page.reload();
		await offerInstall(page);
		await expect(page.getByTestId('install-offer')).toHaveCount(0);

		await cancelAsCoach(page.request, id);
		await context.close();
	});
}
