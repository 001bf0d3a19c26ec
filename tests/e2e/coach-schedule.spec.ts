import { expect, type Page } from '@playwright/test';
import { apiAs, bookMathsSession, COACH, insertRunningSession, nextWeekday } from './coach-support';
import { expectAccessible, signIn, test } from './support';

// The journey fakes a server refusal with page.route, which does not see the requests of a page
// once the service worker controls it (Playwright's documented limit; in a full run the worker
// sometimes took control first, and the refusal reached the real server). The worker has its
// own journeys (pwa-*.spec.ts).
test.use({ serviceWorkers: 'block' });

const card = (page: Page, title: string) =>
	page.locator('article.session').filter({ has: page.getByRole('heading', { name: title }) });
const notice = (page: Page) => page.locator('.schedule .notice');

test('a coach runs their sessions from the schedule: confirm, refuse, cancel, start, complete', async ({
	page
}) => {
	const monday = nextWeekday(1, 2);
	const upcoming = await bookMathsSession(page.request, monday, '18:00', 'Suites numériques');
	const running = await insertRunningSession('Trigonométrie');

	await signIn(page, COACH.maths.email);
	await expect(page).toHaveURL('/coach');
	// The list view does not load the calendar library at all.
	await expect(page.locator('style[data-fullcalendar]')).toHaveCount(0);

	const session = card(page, 'Suites numériques');
	await expect(session).toContainText('18:00–19:00');
	await expect(session).toContainText('Lucas Martin · Mathématiques · En ligne');
	await expect(session.getByRole('link', { name: /Rejoindre la visio/ })).toHaveAttribute(
		'href',
		/^https:\/\/meet\.jit\.si\//
	);
	await expect(session.getByText('Planifiée')).toBeVisible();

	await session.getByRole('button', { name: 'Confirmer' }).click();
	await expect(session.getByText('Confirmée')).toBeVisible();
	await expect(notice(page)).toHaveText('Séance « Suites numériques » confirmée.');

	// The server refuses: the optimistic status rolls back, with the reason.
	await page.route(`**/api/sessions/${upcoming}/status`, (route) =>
		route.fulfill({
			status: 409,
			json: { error: { code: 'INVALID_TRANSITION', message: 'no' } }
		})
	);
	await session.getByRole('button', { name: 'Annuler la séance…' }).click();
	let dialog = page.getByRole('dialog', { name: 'Annuler la séance' });
	await dialog.getByLabel('Motif de l’annulation').fill('Conseil de classe');
	await dialog.getByRole('button', { name: 'Annuler la séance' }).click();
	await expect(notice(page)).toHaveText(
		'« Annuler la séance » refusé pour « Suites numériques ». Ce changement n’est pas possible maintenant : le statut de la séance a changé entre-temps. Le statut précédent est rétabli.'
	);
	await expect(session.getByText('Confirmée')).toBeVisible();
	await page.unroute(`**/api/sessions/${upcoming}/status`);

	// The real thing.
	await session.getByRole('button', { name: 'Annuler la séance…' }).click();
	dialog = page.getByRole('dialog', { name: 'Annuler la séance' });
	await dialog.getByLabel('Motif de l’annulation').fill('Conseil de classe');
	await dialog.getByRole('button', { name: 'Annuler la séance' }).click();
	await expect(session.getByText('Annulée')).toBeVisible();
	await expect(session).toContainText('Motif : Conseil de classe');
	const cancelled = await apiAs(
		page.request,
		COACH.maths.email,
		'GET',
		`/api/sessions/${upcoming}`
	);
	expect(cancelled.body.session).toMatchObject({
		status: 'CANCELLED',
		cancellationReason: 'Conseil de classe'
	});

	// The running session: start it, then complete it with notes.
	const live = card(page, 'Trigonométrie');
	await live.getByRole('button', { name: 'Démarrer' }).click();
	await expect(live.getByText('En cours')).toBeVisible();
	await live.getByRole('button', { name: 'Terminer…' }).click();
	dialog = page.getByRole('dialog', { name: 'Terminer la séance' });
	await dialog.getByLabel(/Notes de séance/).fill('Cercle trigonométrique compris.');
	await dialog.getByRole('button', { name: 'Terminer la séance' }).click();
	await expect(live.getByText('Terminée')).toBeVisible();
	await expect(live).toContainText('Notes : Cercle trigonométrique compris.');
	const done = await apiAs(page.request, COACH.maths.email, 'GET', `/api/sessions/${running}`);
	expect(done.body.session).toMatchObject({
		status: 'COMPLETED',
		coachNotes: 'Cercle trigonométrique compris.'
	});
	await expectAccessible(page);

	// The calendar view, loaded on demand, opens the same card.
	await page.getByRole('button', { name: 'Calendrier' }).click();
	await expect(page.locator('.fc-timegrid-body')).toBeVisible();
	// It started minutes ago, whatever the hour: the grid widens to it (and a session running
	// past midnight is drawn in two parts, hence the first).
	await page.locator('.fc-event', { hasText: 'Trigonométrie' }).first().click();
	const details = page.getByRole('dialog', { name: 'Détail de la séance' });
	await expect(details.getByText('Terminée')).toBeVisible();
	await details.getByRole('button', { name: 'Fermer' }).click();
	await expect(details).toBeHidden();
	await expectAccessible(page);

	// The analytics count the session just delivered, without a reload.
	const analytics = page.getByRole('region', { name: /Mon activité/ });
	const chart = analytics.getByRole('img', { name: 'Séances réalisées par mois' });
	await expect(chart).toBeVisible();
	// Drawn by LayerChart on the server: an SVG with its columns, no chart library in the page.
	await expect(chart.locator('svg').first()).toBeVisible();
	await expect(chart.locator('rect.lc-bars-bar')).toHaveCount(6);
	// Counted in the month it started (in Paris), which stays on the chart even when this test
	// runs across a month's last midnight.
	const month = new Intl.DateTimeFormat('fr-FR', {
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Paris'
	}).format(new Date(done.body.session.startsAt));
	await expect(chart).toHaveAccessibleDescription(new RegExp(`${month}\\s:\\s[1-9]`));
	await expect(analytics.getByText(/h réservées sur .* h ouvertes/)).toBeVisible();
});
