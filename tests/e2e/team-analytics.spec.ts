import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

/**
 * The team analytics at phone and laptop sizes: the staff navigation leads there, the four
 * charts are drawn by the chart library (loaded after the page) each with its table, a table
 * downloads as CSV, nothing overflows the phone's width, and axe finds nothing.
 */
const CHARTS = [
	'Réservations par jour',
	'Conversion de la réservation',
	'Taux d’occupation des coachs',
	'Satisfaction'
];

for (const [device, viewport] of [
	['phone', { width: 390, height: 844 }],
	['laptop', { width: 1280, height: 800 }]
] as const) {
	test(`staff read the team analytics on a ${device}`, async ({ browser }) => {
		const context = await browser.newContext({ viewport, acceptDownloads: true });
		const page = await context.newPage();
		await signIn(page, 'assistant@nexus.test');
		await expect(page).toHaveURL('/assistant');
		if (device === 'laptop') {
			await page.getByRole('link', { name: 'Statistiques' }).click();
			await expect(page).toHaveURL('/assistant/analytics');
		} else {
			await page.goto('/assistant/analytics');
		}
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistiques de l’équipe');

		for (const name of CHARTS) {
			const chart = page.getByRole('img', { name: new RegExp(`^Graphique : ${name}`) });
			// Charts load as they come near the screen.
			await chart.scrollIntoViewIfNeeded();
			await expect(chart.locator('svg').first()).toBeVisible();
			const table = page.getByRole('table', { name, exact: true });
			await expect(table).toBeVisible();
			expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
		}
		// The demo week's sessions are in the default period (the last 30 days).
		const perDay = page.getByRole('table', { name: 'Réservations par jour', exact: true });
		await expect(perDay.locator('tbody tr')).toHaveCount(30);

		const noOverflow = await page.evaluate(
			() => document.documentElement.scrollWidth <= window.innerWidth
		);
		expect(noOverflow).toBe(true);
		await expectAccessible(page);

		const section = page.locator('[data-figure="funnel"]');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			section.getByRole('link', { name: /Télécharger le tableau/ }).click()
		]);
		expect(download.suggestedFilename()).toMatch(
			/^nexus-funnel-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/
		);
		const csv = await (await download.createReadStream()).toArray();
		expect(Buffer.concat(csv).toString('utf8')).toContain('Étape,Familles,Part des départs');
		await context.close();
	});
}
