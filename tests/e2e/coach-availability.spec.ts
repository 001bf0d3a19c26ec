import { expect, type Page } from '@playwright/test';
import { addDays } from '../../src/lib/core/time/wall-clock';
import {
	apiAs,
	calendarReady,
	COACH,
	frenchDay,
	mondayOf,
	moveEvent,
	nextWeekday,
	parisToday,
	resizeEventEnd,
	selectRange
} from './coach-support';
import { expectAccessible, signIn, test } from './support';

// One journey fakes a failing save with page.route, which does not see a page's requests once the
// service worker controls it (Playwright's documented limit); the worker has its own journeys.
test.use({ serviceWorkers: 'block' });

const list = (page: Page) => page.locator('#availability-list');
const day = (page: Page, title: string | RegExp) =>
	list(page)
		.locator('section.day')
		.filter({ has: page.getByRole('heading', { name: title }) });
const status = (page: Page) =>
	page.getByRole('status').filter({ hasText: /Enregistr|échoué|Corrigez/ });

async function openAvailability(page: Page, email: string) {
	await signIn(page, email);
	await expect(page).toHaveURL('/coach');
	await page.getByRole('link', { name: 'Disponibilités' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes disponibilités');
	await calendarReady(page);
}

test('a coach builds a week with the mouse, saves, reloads, and the booking side sees it', async ({
	page
}) => {
	const sunday = addDays(mondayOf(parisToday()), 6);
	// A holiday three weeks ahead, on a Thursday (a working evening for this coach).
	const holiday = nextWeekday(4, 21);
	await openAvailability(page, COACH.maths.email);

	// Drag over empty Sunday morning: a weekly slot, shown at once in the list too.
	await selectRange(page, sunday, '10:00', '12:00');
	const sundayCard = day(page, 'Dimanche');
	await expect(sundayCard.getByLabel('Début')).toHaveValue('10:00');
	await expect(sundayCard.getByLabel('Fin')).toHaveValue('12:00');
	await expect(page.getByText('Jours modifiés : 1')).toBeVisible();

	// Drag it to the afternoon.
	await moveEvent(page, sunday, '10:00', sunday, '14:00');
	await expect(sundayCard.getByLabel('Début')).toHaveValue('14:00');
	await expect(sundayCard.getByLabel('Fin')).toHaveValue('16:00');

	// Stretch it by half an hour from its bottom edge.
	await resizeEventEnd(page, sunday, '16:30');
	await expect(sundayCard.getByLabel('Fin')).toHaveValue('16:30');

	// A day off on a specific date, from the list of that week.
	await page.getByRole('radio', { name: 'Dates précises' }).check();
	await page.getByLabel('Aller à une date').fill(holiday);
	const holidayCard = day(page, frenchDay(holiday));
	await holidayCard.getByRole('button', { name: /^Jour off/ }).click();
	await expect(holidayCard.getByText('Jour off').first()).toBeVisible();
	await expect(
		page.locator(`.fc-timegrid-col[data-date="${holiday}"] .nx-unavailable`)
	).toBeVisible();

	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(status(page)).toHaveText(
		'Enregistré (2 jours). Les familles voient déjà ces créneaux.'
	);
	await expect(page.getByText('Tout est enregistré.')).toBeVisible();

	// Reload: both changes are back from the database.
	await page.reload();
	await calendarReady(page);
	await expect(day(page, 'Dimanche').getByLabel('Début')).toHaveValue('14:00');
	await expect(day(page, 'Dimanche').getByLabel('Fin')).toHaveValue('16:30');
	await page.getByRole('radio', { name: 'Dates précises' }).check();
	await page.getByLabel('Aller à une date').fill(holiday);
	await expect(list(page).getByText('Jour off').first()).toBeVisible();
	await expectAccessible(page);

	// What families and the booking RPC read.
	const nextSunday = addDays(sunday, 7);
	const { body } = await apiAs(
		page.request,
		'parent.martin@nexus.test',
		'GET',
		`/api/coaches/availability?coachId=${COACH.maths.id}&startDate=${nextSunday}&endDate=${holiday}`
	);
	expect(body.rules).toEqual(
		expect.arrayContaining([
			expect.objectContaining({
				isRecurring: true,
				dayOfWeek: 0,
				startTime: '14:00',
				endTime: '16:30'
			}),
			expect.objectContaining({
				isRecurring: false,
				specificDate: holiday,
				startTime: '00:00',
				endTime: '24:00',
				isAvailable: false
			})
		])
	);
	const slotsOn = (date: string) =>
		(body.slots as { date: string; startTime: string }[]).filter((s) => s.date === date);
	expect(slotsOn(nextSunday).map((s) => s.startTime)).toEqual(['14:00', '14:30', '15:00', '15:30']);
	expect(slotsOn(holiday)).toEqual([]);

	// Back to the weekly pattern on the holiday and no Sunday slot: as the other journeys expect.
	await day(page, frenchDay(holiday))
		.getByRole('button', { name: /Revenir à la semaine type/ })
		.click();
	await page.getByRole('radio', { name: 'Semaine type' }).check();
	await day(page, 'Dimanche')
		.getByRole('button', { name: /Vider le jour/ })
		.click();
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(status(page)).toContainText('Enregistré (2 jours)');
	const after = await apiAs(
		page.request,
		'parent.martin@nexus.test',
		'GET',
		`/api/coaches/availability?coachId=${COACH.maths.id}&startDate=${nextSunday}&endDate=${holiday}`
	);
	expect(after.body.rules.filter((r: { dayOfWeek: number }) => r.dayOfWeek === 0)).toEqual([]);
	expect(after.body.rules.filter((r: { isRecurring: boolean }) => !r.isRecurring)).toEqual([]);
	expect(
		after.body.slots.filter((s: { date: string }) => s.date === holiday).length
	).toBeGreaterThan(0);
});

test('the same week can be built and fixed with the keyboard alone', async ({ page }) => {
	await openAvailability(page, COACH.lettres.email);
	const monday = day(page, 'Lundi');
	await expect(monday.getByText('Aucun créneau ce jour-là.')).toBeVisible();

	// Skip the calendar, reach Monday's "add" button, add a slot and set its hours.
	await page.getByRole('link', { name: 'Passer le calendrier et modifier au clavier' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('#list-title')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(monday.getByRole('button', { name: /Ajouter un créneau/ })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(monday.getByLabel('Début')).toHaveValue('17:00');
	await page.keyboard.press('Shift+Tab'); // Remove
	await page.keyboard.press('Shift+Tab'); // End
	await page.keyboard.press('Shift+Tab'); // Start
	await expect(monday.getByLabel('Début')).toBeFocused();
	await page.keyboard.type('09:00');
	await page.keyboard.press('Tab');
	await page.keyboard.type('10:30');
	await expect(monday.getByLabel('Début')).toHaveValue('09:00');
	await expect(monday.getByLabel('Fin')).toHaveValue('10:30');

	// An overlapping second slot is flagged as you type, and saving is refused until fixed.
	await monday.getByRole('button', { name: /Ajouter un créneau/ }).focus();
	await page.keyboard.press('Enter');
	const second = monday.getByRole('group').nth(1);
	await second.getByLabel('Début').focus();
	await page.keyboard.type('10:00');
	await expect(monday.getByText('Ce créneau en chevauche un autre.')).toHaveCount(2);
	await expect(page.locator('.fc-event.nx-problem')).toHaveCount(2);
	await page.keyboard.press('Control+s');
	await expect(status(page)).toHaveText(
		'Corrigez les créneaux signalés en rouge avant d’enregistrer.'
	);
	await second.getByRole('button', { name: /Supprimer/ }).focus();
	await page.keyboard.press('Enter');
	await expect(monday.getByText('Ce créneau en chevauche un autre.')).toHaveCount(0);

	// Ctrl+S saves from anywhere.
	await page.keyboard.press('Control+s');
	await expect(status(page)).toHaveText(
		'Enregistré (1 jour). Les familles voient déjà ces créneaux.'
	);

	// The calendar's events are reachable too: Enter opens the slot, the day can change.
	const event = page.locator('.fc-event').filter({ hasText: '09:00' });
	await event.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog');
	await expect(dialog).toHaveAccessibleName('Créneau — Lundi');
	await dialog.getByLabel('Jour').focus();
	await page.keyboard.press('ArrowDown');
	await expect(dialog).toHaveAccessibleName('Créneau — Mardi');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(day(page, 'Mardi').getByRole('group')).toHaveCount(2);
	await expect(monday.getByText('Aucun créneau ce jour-là.')).toBeVisible();

	// Undo puts it back on Monday, before anything is saved.
	await page.getByRole('button', { name: 'Annuler', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(monday.getByLabel('Début')).toHaveValue('09:00');
	await expect(page.getByText('Tout est enregistré.')).toBeVisible();

	const { body } = await apiAs(
		page.request,
		'parent.martin@nexus.test',
		'GET',
		`/api/coaches/availability?coachId=${COACH.lettres.id}&startDate=${parisToday()}&endDate=${addDays(parisToday(), 7)}`
	);
	expect(body.rules).toContainEqual(
		expect.objectContaining({
			isRecurring: true,
			dayOfWeek: 1,
			startTime: '09:00',
			endTime: '10:30'
		})
	);

	// Leave the demo week as it was.
	await monday.getByRole('button', { name: /Vider le jour/ }).focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Control+s');
	await expect(status(page)).toContainText('Enregistré (1 jour)');
});

test('bulk tools apply a pattern, copy and clear days, and undo before saving', async ({
	page
}) => {
	await openAvailability(page, COACH.nsi.email);
	await page.getByRole('button', { name: 'Appliquer le modèle type' }).click();
	for (const [name, start, end] of [
		['Lundi', '17:00', '20:00'],
		['Mercredi', '14:00', '20:00'],
		['Samedi', '14:00', '18:00']
	] as const) {
		await expect(day(page, name).getByLabel('Début')).toHaveValue(start);
		await expect(day(page, name).getByLabel('Fin')).toHaveValue(end);
	}
	await expect(day(page, 'Dimanche').getByText('Aucun créneau ce jour-là.')).toBeVisible();

	// Copy Wednesday onto every weekday.
	await day(page, 'Mercredi')
		.getByRole('button', { name: /Copier vers/ })
		.click();
	const copy = page.getByRole('dialog', { name: 'Copier le mercredi' });
	await copy.getByRole('button', { name: 'Tous les jours de semaine' }).click();
	await copy.getByRole('button', { name: 'Copier', exact: true }).click();
	await expect(copy).toBeHidden();
	await expect(day(page, 'Vendredi').getByLabel('Début')).toHaveValue('14:00');

	// Clear the whole week, then undo it.
	await page.getByRole('button', { name: 'Vider la semaine type' }).click();
	await expect(list(page).getByText('Aucun créneau ce jour-là.')).toHaveCount(7);
	await page.getByRole('button', { name: 'Annuler', exact: true }).click();
	await expect(day(page, 'Vendredi').getByLabel('Début')).toHaveValue('14:00');

	// A refused save says why and keeps the changes.
	await page.route('**/api/coaches/availability', (route) =>
		route.fulfill({
			status: 403,
			json: { error: { code: 'FORBIDDEN', message: 'Your role cannot do this' } }
		})
	);
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(status(page)).toHaveText(
		'L’enregistrement a échoué. Vous n’avez pas le droit de faire cela.'
	);
	await expect(page.getByText(/Jours modifiés : \d/)).toBeVisible();

	// Discard goes back to the saved week.
	await page.getByRole('button', { name: 'Abandonner les modifications' }).click();
	await expect(page.getByText('Tout est enregistré.')).toBeVisible();
	await expect(day(page, 'Dimanche').getByLabel('Début')).toHaveValue('10:00');
});
