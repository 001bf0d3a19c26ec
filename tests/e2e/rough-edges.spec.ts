import { expect, type Page } from '@playwright/test';
import {
	bookMathsSession,
	calendarReady,
	cancelAsCoach,
	COACH,
	frenchDay,
	gridPoint,
	nextWeekday,
	selectRange
} from './coach-support';
import { chooseSlot, DEMO, DESKTOP, PHONE, signedInPage, slotValue, snap } from './family-support';
import { expectAccessible, signIn, test, withE2eDatabase } from './support';

for (const viewport of [PHONE, DESKTOP]) {
	test(`a demo account button brings the filled form into view and says so (${viewport.width}px)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		await page.goto('/login');
		const use = page.getByRole('button', { name: /Utiliser\s+coach\.nsi@nexus\.test/ });
		await use.scrollIntoViewIfNeeded();
		await use.click();
		const submit = page.getByRole('button', { name: 'Se connecter' });
		await expect(submit).toBeInViewport();
		await expect(submit).toBeFocused();
		await expect(page.getByText('Formulaire rempli pour')).toHaveText(
			'Formulaire rempli pour coach.nsi@nexus.test : appuyez sur « Se connecter ».'
		);
		await expect(page.getByLabel('Adresse e-mail')).toHaveValue('coach.nsi@nexus.test');
		await expectAccessible(page);
		await context.close();
	});
}

test('switching the language updates <html lang> without a reload', async ({ page }) => {
	await signIn(page, 'eleve.lucas@nexus.test');
	await expect(page).toHaveURL(/\/student/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: /Français/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('small buttons are still 44 px tall to tap (sign out, session actions)', async ({
	browser
}) => {
	const { context, page } = await signedInPage(browser, 'coach.maths@nexus.test', PHONE, /\/coach/);
	const heights = await page
		.locator('button.btn.small:visible')
		.evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
	expect(heights.length).toBeGreaterThan(1);
	for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
	await context.close();
});

test('the notes a coach writes when completing a session reach the family', async ({ browser }) => {
	const context = await browser.newContext({ viewport: PHONE });
	const page = await context.newPage();
	// Completed a week ago by coach NSI, notes written at completion (as transition_session does).
	await withE2eDatabase(
		(sql) => sql`
			insert into public.session_bookings (
				student_id, coach_id, parent_id, booked_by, subject_code, modality, title,
				starts_at, ends_at, duration_minutes, status, credits_used, meeting_url,
				confirmed_at, started_at, completed_at, coach_notes)
			select ${DEMO.lucas.id}::uuid, ${DEMO.coachNsi}::uuid, ps.parent_id, ps.parent_id,
				'NSI', 'ONLINE', 'Notes partagées',
				date_trunc('hour', now()) - interval '8 days 3 hours',
				date_trunc('hour', now()) - interval '8 days 2 hours', 60, 'COMPLETED', 1,
				'https://meet.jit.si/nexus-e2e-notes', now() - interval '9 days',
				now() - interval '8 days 3 hours', now() - interval '8 days 2 hours',
				${'Très bon travail sur les suites.\nÀ revoir : la récurrence.'}
			from public.parent_students ps where ps.student_id = ${DEMO.lucas.id}::uuid limit 1`
	);
	await signIn(page, 'eleve.lucas@nexus.test');
	await expect(page).toHaveURL(/\/student/);
	await page.goto('/sessions');
	const card = page.getByRole('article', { name: 'Notes partagées' });
	await expect(card).toContainText(/Le mot de .+ après la séance/);
	await expect(card).toContainText('À revoir : la récurrence.');
	await expectAccessible(page);
	await context.close();
});

test('switching child drops the notice about the other child’s booking', async ({ browser }) => {
	const context = await browser.newContext({ viewport: PHONE });
	const page = await context.newPage();
	const id = await bookMathsSession(page.request, nextWeekday(3, 61), '14:00', 'Bandeau Lucas');
	await signIn(page, DEMO.parentMartin);
	await expect(page).toHaveURL(/\/parent/);
	await page.goto(`/sessions?booked=${id}`);
	const notice = page.getByRole('status').filter({ hasText: 'Bandeau Lucas' });
	await expect(notice).toBeVisible();
	const switcher = page.getByRole('group', { name: /enfant/i });
	const other = switcher.getByRole('button', { pressed: false }).first();
	await other.click();
	await expect(page).toHaveURL(/\/sessions$/);
	await expect(notice).toHaveCount(0);
	await cancelAsCoach(page.request, id);
	await context.close();
});

test('a subject no coach teaches yet is shown as such and cannot be chosen', async ({
	browser
}) => {
	const { context, page } = await signedInPage(browser, DEMO.lucas.email, PHONE, /\/student/);
	await page.goto('/book');
	const svt = page.getByRole('radio', { name: /SVT|Sciences de la vie/ });
	await expect(svt).toBeDisabled();
	await expect(page.locator('label', { has: svt })).toContainText(
		'Pas encore de coach pour cette matière'
	);
	await expect(page.getByRole('radio', { name: /Mathématiques/ })).toBeEnabled();
	await expectAccessible(page);
	await context.close();
});

test('the wizard shows the balance from the first step and the price beside every duration', async ({
	browser
}) => {
	const { context, page } = await signedInPage(browser, DEMO.hugo.email, PHONE, /\/student/);
	await page.goto('/book');
	await expect(page.getByTestId('wizard-balance')).toHaveText(/^Solde de Hugo\s:\s2 crédits$/);
	await page.goto(`/book?subject=ANGLAIS&coach=${DEMO.coachAnglais}`);
	const durations = page.getByLabel('Durée');
	await expect(durations.locator('option', { hasText: '1 h · 1 crédit' })).toHaveCount(1);
	await expect(durations.locator('option', { hasText: '3 h · 3 crédits' })).toHaveCount(1);
	await expectAccessible(page);
	await context.close();
});

test('on a phone, the wizard’s sticky « Continuer » never covers the field being typed in', async ({
	browser
}) => {
	const { context, page } = await signedInPage(browser, DEMO.lucas.email, PHONE, /\/student/);
	await page.goto(`/book?subject=MATHEMATIQUES&coach=${DEMO.coachMaths}`);
	const slot = await page
		.locator('input[name="slot"]:not([disabled])')
		.first()
		.getAttribute('value');
	await page.goto(
		`/book?subject=MATHEMATIQUES&coach=${DEMO.coachMaths}&slot=${encodeURIComponent(slot!)}`
	);
	const title = page.getByLabel('Titre');
	await page.evaluate(() => window.scrollTo(0, 0));
	await title.focus();
	const field = (await title.boundingBox())!;
	const bar = (await page.locator('.step-actions').boundingBox())!;
	expect(field.y + field.height).toBeLessThanOrEqual(bar.y);
	await context.close();
});

for (const viewport of [PHONE, DESKTOP]) {
	test(`the slot step pages through the whole booking horizon, and a slot weeks ahead books (${viewport.width}px)`, async ({
		browser
	}) => {
		const { context, page } = await signedInPage(browser, DEMO.lucas.email, viewport, /\/student/);
		await page.goto(`/book?subject=MATHEMATIQUES&coach=${DEMO.coachMaths}`);
		const pages = page.getByRole('navigation', { name: 'Semaines affichées' });
		const range = pages.locator('[aria-current="page"]');
		const first = await range.textContent();
		expect(first).toMatch(/^Du \d{1,2} \S+ au \d{1,2} \S+$/);
		await expect(pages.getByRole('link', { name: /Semaines précédentes/ })).toHaveCount(0);
		// Three weeks a page, 90 days of horizon: four more pages, the last one short.
		const ranges = [first];
		for (let i = 0; i < 4; i++) {
			await pages.getByRole('link', { name: /Semaines suivantes/ }).click();
			await expect(range).not.toHaveText(ranges.at(-1)!);
			ranges.push(await range.textContent());
		}
		await expect(page).toHaveURL(/page=4/);
		await expect(pages.getByRole('link', { name: /Semaines suivantes/ })).toHaveCount(0);
		await expect(pages.getByRole('link', { name: /Semaines précédentes/ })).toBeVisible();
		await expectAccessible(page);
		await snap(page, 'slot-pages');

		// A slot on that last page goes through details and confirm like any other.
		const slot = viewport === PHONE ? await slotValue(page, 0, 0) : await slotValue(page, 1, -1);
		await chooseSlot(page, slot);
		await page.getByRole('button', { name: 'Continuer' }).click();
		await page.getByLabel('Titre').fill(`Loin devant ${viewport.width}`);
		await page.getByRole('button', { name: 'Continuer' }).click();
		await expect(page.locator('.summary')).toContainText(`Loin devant ${viewport.width}`);
		await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
		await expect(page).toHaveURL(/\/sessions\?booked=/);
		const id = new URL(page.url()).searchParams.get('booked')!;
		const [row] = await withE2eDatabase(
			(sql) => sql<{ days: number }[]>`
				select floor(extract(epoch from starts_at - now()) / 86400)::int as days
				from public.session_bookings where id = ${id}`
		);
		expect(row!.days).toBeGreaterThanOrEqual(83);
		await cancelAsCoach(page.request, id);
		await context.close();
	});
}

/**
 * The availability calendar on a Sunday, whatever today is (the phone shows one day, the laptop
 * a week ending on Sunday): coach Lettres has no hours and no session there.
 */
async function showSunday(page: Page): Promise<string> {
	for (let i = 0; i < 7; i++) {
		const date = await page.locator('.fc-timegrid-col[data-date]').last().getAttribute('data-date');
		if (date && new Date(`${date}T12:00:00Z`).getUTCDay() === 0) return date;
		await page.locator('.fc-next-button').click();
	}
	throw new Error('The calendar never showed a Sunday');
}

for (const viewport of [PHONE, DESKTOP]) {
	test(`a drag released where the save bar floats still lands on the calendar (${viewport.width}px)`, async ({
		browser
	}) => {
		const { context, page } = await signedInPage(browser, COACH.lettres.email, viewport, '/coach');
		await page.goto('/coach/availability');
		await calendarReady(page);
		const date = await showSunday(page);
		const bar = page.locator('.savebar');
		// Bring the 16:00 row under the floating bar, then drag from 14:00 down to it.
		const lane = page.locator('.fc-timegrid-slot-lane[data-time="16:00:00"]');
		await lane.evaluate((el) => el.scrollIntoView({ block: 'end' }));
		const barBox = (await bar.boundingBox())!;
		const laneBox = (await lane.boundingBox())!;
		await page.mouse.wheel(0, laneBox.y + laneBox.height / 2 - (barBox.y + barBox.height / 2));
		const to = await gridPoint(page, date, '16:00');
		const under = (await bar.boundingBox())!;
		expect(to.y).toBeGreaterThan(under.y);
		expect(to.y).toBeLessThan(under.y + under.height);
		const from = await gridPoint(page, date, '14:00');
		await page.mouse.move(from.x, from.y);
		await page.mouse.down();
		await page.mouse.move(from.x, from.y + 4, { steps: 2 });
		await page.mouse.move(to.x, to.y, { steps: 12 });
		await page.mouse.up();
		await expect(page.getByText('Jours modifiés : 1')).toBeVisible();
		const added = page.locator(`.fc-timegrid-col[data-date="${date}"] .fc-event`, {
			hasText: '14:00'
		});
		await expect(added).toContainText('16:15');
		// And the bar is back for saving (not saved here: the next tests keep this coach's week).
		await expect(bar.getByRole('button', { name: 'Enregistrer' })).toBeEnabled();
		await context.close();
	});
}

for (const [viewport, days] of [
	[PHONE, 68],
	[DESKTOP, 75]
] as const) {
	test(`a day off over booked sessions names them and offers to cancel or keep each (${viewport.width}px)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		const date = nextWeekday(3, days);
		const kept = await bookMathsSession(page.request, date, '17:00', `Gardée ${viewport.width}`);
		const dropped = await bookMathsSession(
			page.request,
			date,
			'18:00',
			`Annulée ${viewport.width}`
		);
		await signIn(page, COACH.maths.email);
		await expect(page).toHaveURL('/coach');
		await page.goto('/coach/availability');
		await calendarReady(page);
		await page.getByRole('radio', { name: 'Dates précises' }).check();
		await page.getByLabel('Aller à une date').fill(date);
		const card = page
			.locator('#availability-list section.day')
			.filter({ has: page.getByRole('heading', { name: frenchDay(date) }) });
		await card.getByRole('button', { name: /^Jour off/ }).click();
		await expect(
			card.getByText(`La séance « Gardée ${viewport.width} » avec Lucas Martin, `)
		).toContainText(
			'(17:00–18:00), ne serait plus dans vos disponibilités. Elle reste réservée tant que vous ne l’annulez pas.'
		);
		// The save bar counts every session the day off would leave outside the hours: ours, and
		// any another journey booked on that day (the card names each one).
		const named = await card.getByText(/ne serait plus dans vos disponibilités/).count();
		expect(named).toBeGreaterThanOrEqual(2);
		await expect(page.getByText(`séances hors disponibilités : ${named}`)).toBeVisible();
		await expectAccessible(page);
		await card.scrollIntoViewIfNeeded();
		await page.screenshot({
			path: test.info().outputPath(`day-off-clash-${viewport.width}.png`)
		});

		// Keep one: the warning is answered, the session stays booked.
		await card.getByRole('button', { name: `La garder (Gardée ${viewport.width})` }).click();
		await expect(card.getByText('Gardée : la séance reste réservée')).toBeVisible();
		await expect(page.getByText('séances hors disponibilités : 1')).toBeVisible();

		// Cancel the other: the coach's cancellation, refunded in full and told.
		await card
			.getByRole('button', { name: `Annuler cette séance… (Annulée ${viewport.width})` })
			.click();
		const dialog = page.getByRole('dialog', { name: 'Annuler la séance' });
		await expect(dialog).toContainText('intégralement remboursée');
		await dialog.getByLabel('Motif de l’annulation').fill('Jour de congé');
		await dialog.getByRole('button', { name: 'Annuler la séance' }).click();
		await expect(dialog).toBeHidden();
		await expect(page.getByRole('status').filter({ hasText: 'annulée' })).toHaveText(
			`Séance « Annulée ${viewport.width} » annulée : la famille est remboursée en totalité et prévenue.`
		);
		await expect(card.getByText(`Annulée ${viewport.width}`)).toHaveCount(0);
		await expect(page.getByText(/séances hors disponibilités/)).toHaveCount(0);
		const rows = await withE2eDatabase(
			(sql) => sql<{ id: string; status: string; refunded: number }[]>`
				select b.id, b.status::text, coalesce((select sum(amount) from public.credit_transactions l
					where l.session_id = b.id and l.kind = 'REFUND'), 0)::int as refunded
				from public.session_bookings b where b.id in (${kept}, ${dropped}) order by b.starts_at`
		);
		expect(rows).toEqual([
			{ id: kept, status: 'SCHEDULED', refunded: 0 },
			{ id: dropped, status: 'CANCELLED', refunded: 1 }
		]);
		await cancelAsCoach(page.request, kept);
		await context.close();
	});
}

test('on a phone, a 30-minute event on the calendar is 44 px tall to tap', async ({ browser }) => {
	const { context, page } = await signedInPage(browser, COACH.lettres.email, PHONE, '/coach');
	await page.goto('/coach/availability');
	await calendarReady(page);
	const date = await showSunday(page);
	await selectRange(page, date, '08:00', '08:30');
	const event = page.locator(`.fc-timegrid-col[data-date="${date}"] .fc-event`, {
		hasText: '08:00'
	});
	await expect(event).toBeVisible();
	expect((await event.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	// The schedule's calendar (an agenda on a phone) uses the same rows in its week grid.
	await page.goto('/coach');
	await page.getByRole('button', { name: 'Calendrier' }).click();
	await page.getByRole('button', { name: 'Semaine', exact: true }).click();
	const row = page.locator('.fc-timegrid-slot-lane').first();
	await expect(row).toBeVisible();
	expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(46);
	await context.close();
});

test("a notification's link opens the sessions of the child it is about, and keeps that child", async ({
	browser
}) => {
	const { context, page } = await signedInPage(browser, DEMO.parentMartin, PHONE, /\/parent/);
	const switcher = page.getByRole('group', { name: /enfant/i });
	await page.goto(`/sessions?child=${DEMO.lucas.id}`);
	await expect(switcher.getByRole('button', { name: /^Lucas/ })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	// As a reminder about Emma links it (notifications' linkFor).
	await page.goto(`/sessions?child=${DEMO.emma.id}`);
	await expect(switcher.getByRole('button', { name: /^Emma/ })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await page.goto('/credits');
	await expect(switcher.getByRole('button', { name: /^Emma/ })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	// Someone else's child is no choice: the page stays on this family's own.
	await page.goto(`/sessions?child=${DEMO.hugo.id}`);
	await expect(switcher.getByRole('button', { name: /^Emma/ })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await context.close();
});
