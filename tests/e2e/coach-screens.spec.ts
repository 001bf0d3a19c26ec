import { expect, test, type Page } from '@playwright/test';
import { addDays } from '../../src/lib/core/time/wall-clock';
import {
	bookMathsSession,
	calendarReady,
	cancelAsCoach,
	COACH,
	DESKTOP,
	mondayOf,
	nextWeekday,
	parisToday,
	PHONE,
	snap
} from './coach-support';
import { expectAccessible, signIn } from './support';

/** Nothing sticks out sideways: no horizontal scrolling on a phone. */
async function fitsWidth(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

// Something to show on the schedule and among the availability; given back afterwards (the
// coach cancels, the family is refunded) so that the family journeys find the demo balances.
const thursday = nextWeekday(4, 1);
let booked: string[] = [];
test.beforeAll(async ({ browser }) => {
	const context = await browser.newContext();
	booked = [
		await bookMathsSession(context.request, thursday, '17:00', 'Produit scalaire'),
		await bookMathsSession(
			context.request,
			addDays(thursday, 1),
			'18:00',
			'Fonctions exponentielles'
		)
	];
	await context.close();
});
test.afterAll(async ({ browser }) => {
	const context = await browser.newContext();
	for (const id of booked) await cancelAsCoach(context.request, id);
	await context.close();
});

for (const viewport of [DESKTOP, PHONE]) {
	test(`coach screens at ${viewport.width}×${viewport.height} are usable and accessible`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		await signIn(page, COACH.maths.email);
		await expect(page).toHaveURL('/coach');
		await expect(page.locator('article.session').first()).toBeVisible();
		await expectAccessible(page);
		await fitsWidth(page);
		await snap(page, 'schedule');
		await page.getByRole('button', { name: 'Calendrier' }).click();
		await expect(page.locator('.fc-view')).toBeVisible();
		await expectAccessible(page);
		await fitsWidth(page);
		await snap(page, 'schedule-calendar');

		await page.goto('/coach/availability');
		await calendarReady(page);
		// A phone shows one day at a time; the list below stays complete.
		await expect(page.locator('.fc-timegrid-col[data-date]')).toHaveCount(
			viewport === PHONE ? 1 : 7
		);
		await expect(page.locator('#availability-list section.day')).toHaveCount(7);
		if (viewport === DESKTOP) {
			// Clearing a day with a booked session says so before anything is saved.
			const thursdayCard = page
				.locator('#availability-list section.day')
				.filter({ has: page.getByRole('heading', { name: 'Jeudi' }) });
			await thursdayCard.getByRole('button', { name: /Vider le jour/ }).click();
			await expect(
				thursdayCard.getByText(
					/^La séance « Produit scalaire » avec Lucas Martin, jeudi \d{1,2} \S+ \(17:00–18:00\), ne serait plus dans vos disponibilités\. Elle reste réservée tant que vous ne l’annulez pas\.$/
				)
			).toBeVisible();
			// Counted in the save bar with any other session booked that day (each named above).
			const named = await thursdayCard.getByText(/ne serait plus dans vos disponibilités/).count();
			await expect(page.getByText(`séances hors disponibilités : ${named}`)).toBeVisible();
			if (mondayOf(thursday) !== mondayOf(parisToday())) {
				await page.getByRole('button', { name: 'Période suivante' }).click();
			}
			await expect(page.locator('.fc-event.nx-session.nx-problem')).toHaveCount(1);
			await page.getByRole('button', { name: 'Annuler', exact: true }).click();
			await expect(page.getByText('Tout est enregistré.')).toBeVisible();
		}
		await expectAccessible(page);
		await fitsWidth(page);
		await snap(page, 'availability');
		await page.getByRole('radio', { name: 'Dates précises' }).check();
		await expectAccessible(page);
		await fitsWidth(page);
		await snap(page, 'availability-specific');

		await page.goto('/coach/profile');
		await expectAccessible(page);
		await fitsWidth(page);
		await snap(page, 'profile');
		await context.close();
	});
}
