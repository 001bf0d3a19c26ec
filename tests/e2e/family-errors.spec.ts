import { expect, test, type Page } from '@playwright/test';
import {
	bookUrl,
	chooseSlot,
	DEMO,
	DESKTOP,
	PHONE,
	signedInPage,
	slotValue,
	snap
} from './family-support';
import { expectAccessible } from './support';

const confirmButton = (page: Page) =>
	page.getByRole('button', { name: 'Confirmer la réservation' });

/** Open the slot step for a coach and return one free slot's value. */
async function pickSlotOf(
	page: Page,
	params: Record<string, string | number>,
	day: number,
	slot = 0
): Promise<string> {
	await page.goto(bookUrl(params));
	await expect(page.locator('[aria-current="step"]')).toContainText('Créneau');
	return slotValue(page, day, slot);
}

test('a student with too few credits sees a clear message, whom to ask, and nothing is booked', async ({
	browser
}) => {
	test.slow();
	const { context, page } = await signedInPage(browser, DEMO.hugo.email, PHONE);
	const english = { subject: 'ANGLAIS', coach: DEMO.coachAnglais };

	// Three hours cost 3 credits; Hugo has 2: the confirm step says so before any submit.
	const long = await pickSlotOf(page, { ...english, duration: 180 }, 3);
	await page.goto(
		bookUrl({ ...english, duration: 180, slot: long, title: 'Oral', step: 'confirm' })
	);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText(
		'Crédits insuffisants : cette séance coûte 3 crédits et le solde de Hugo est de 2 crédits.'
	);
	await expect(alert).toContainText('Demandez à Olivier Durand de recharger votre compte');
	await expect(alert.getByRole('link', { name: 'Choisir une durée plus courte' })).toBeVisible();
	// And a way to ask: the credits page's request form.
	await expect(
		alert.getByRole('link', { name: 'Demander des crédits à l’équipe' })
	).toHaveAttribute('href', '/credits#request');
	await expect(confirmButton(page)).toHaveCount(0);
	await snap(page, 'error-insufficient');
	await expectAccessible(page);

	// The server says the same when the balance drops between showing and submitting:
	// a 2-credit session is on screen while another tab spends one credit.
	const two = await pickSlotOf(page, { ...english, duration: 120 }, 4);
	const confirmTwo = bookUrl({
		...english,
		duration: 120,
		slot: two,
		title: 'Essay',
		step: 'confirm'
	});
	await page.goto(confirmTwo);
	await expect(page.getByTestId('balance-after')).toHaveText('2 → 0 crédits après la réservation');

	const other = await context.newPage();
	const french = { subject: 'FRANCAIS', coach: DEMO.coachLettres };
	const oneHour = await pickSlotOf(other, french, 3);
	await other.goto(bookUrl({ ...french, slot: oneHour, title: 'Lecture', step: 'confirm' }));
	await confirmButton(other).click();
	await expect(other).toHaveURL(/\/sessions\?booked=/);

	await confirmButton(page).click();
	await expect(page.getByRole('alert')).toContainText(
		'cette séance coûte 2 crédits et le solde de Hugo est de 1 crédit.'
	);
	await expect(confirmButton(page)).toHaveCount(0);
	await page.goto('/sessions');
	await expect(page.getByRole('article', { name: 'Essay' })).toHaveCount(0);
	await expect(page.getByRole('article', { name: 'Lecture' })).toBeVisible();

	// Put Hugo's account back as the demo data has it (cancelled ≥ 24 h ahead: refunded).
	await page
		.getByRole('article', { name: 'Lecture' })
		.getByRole('link', { name: 'Annuler' })
		.click();
	await page.getByRole('button', { name: 'Confirmer l’annulation' }).click();
	// The cancellation (and its refund) is done once its confirmation shows.
	await expect(page).toHaveURL(/\/sessions\?cancelled=/);
	await page.goto('/credits');
	await expect(page.locator('.balances .stat')).toHaveText('2');
	await context.close();
});

test('two families race for the same slot: exactly one booking wins, the other is told and offered the nearest slots', async ({
	browser
}) => {
	test.slow();
	const lucas = await signedInPage(browser, DEMO.lucas.email, DESKTOP);
	const emma = await signedInPage(browser, DEMO.emma.email, PHONE);
	const nsi = { subject: 'NSI', coach: DEMO.coachNsi };
	const slot = await pickSlotOf(lucas.page, nsi, 3, -1);
	const confirmUrl = bookUrl({ ...nsi, slot, title: 'Algorithmes', step: 'confirm' });
	await lucas.page.goto(confirmUrl);
	await emma.page.goto(confirmUrl);

	await Promise.all([confirmButton(lucas.page).click(), confirmButton(emma.page).click()]);
	const outcome = async (page: Page) => {
		await expect(page.locator('[role="status"], [role="alert"]').first()).toBeVisible();
		return /\/sessions\?booked=/.test(page.url()) ? 'booked' : 'refused';
	};
	const results = [await outcome(lucas.page), await outcome(emma.page)];
	expect([...results].sort()).toEqual(['booked', 'refused']);

	const [winner, loser] = results[0] === 'booked' ? [lucas, emma] : [emma, lucas];
	const alert = loser.page.getByRole('alert');
	await expect(alert).toContainText('Ce créneau vient d’être réservé par quelqu’un d’autre.');
	await expect(alert).toContainText('Créneaux libres les plus proches');
	await expect(alert.getByRole('link').first()).toHaveAttribute('href', /step=confirm/);
	await expect(confirmButton(loser.page)).toHaveCount(0);
	await snap(loser.page, 'error-slot-taken');
	await expectAccessible(loser.page);

	// Nothing was charged to the one who lost.
	await loser.page.goto('/credits');
	await expect(loser.page.locator('.balances .stat')).toHaveText('10');

	// The winner gives the slot back (≥ 24 h ahead: refunded).
	await winner.page
		.getByRole('article', { name: 'Algorithmes' })
		.getByRole('link', { name: 'Annuler' })
		.click();
	await winner.page.getByRole('button', { name: 'Confirmer l’annulation' }).click();
	await expect(winner.page.getByRole('status')).toContainText('Remboursement : 1 crédit');
	await lucas.context.close();
	await emma.context.close();
});

test('a slot booked elsewhere while the slot step is open is crossed out without a reload', async ({
	browser
}) => {
	const watcher = await signedInPage(browser, DEMO.lucas.email, PHONE);
	const booker = await signedInPage(browser, DEMO.emma.email, DESKTOP);
	const maths = { subject: 'MATHEMATIQUES', coach: DEMO.coachMaths };
	const slot = await pickSlotOf(watcher.page, maths, 5);
	await chooseSlot(watcher.page, slot);
	const watched = watcher.page.locator(`input[name="slot"][value="${slot}"]`);
	await expect(watched).toBeEnabled();

	await booker.page.goto(bookUrl({ ...maths, slot, title: 'Probabilités', step: 'confirm' }));
	await confirmButton(booker.page).click();
	await expect(booker.page).toHaveURL(/\/sessions\?booked=/);

	// The live layer says the coach's slots changed: crossed out within 2 s, no focus, no poll.
	await expect(watched).toBeDisabled({ timeout: 2_000 });
	await expect(watched).not.toBeChecked();
	await expect(
		watcher.page.getByText('Le créneau que vous aviez choisi vient d’être réservé')
	).toBeVisible();
	await snap(watcher.page, 'slot-taken-live');

	await booker.page
		.getByRole('article', { name: 'Probabilités' })
		.getByRole('link', { name: 'Annuler' })
		.click();
	await booker.page.getByRole('button', { name: 'Confirmer l’annulation' }).click();
	await expect(booker.page).toHaveURL(/cancelled=/);
	await watcher.context.close();
	await booker.context.close();
});

test('submitting the same confirmation twice books once (idempotency key)', async ({ browser }) => {
	const { context, page } = await signedInPage(browser, DEMO.lucas.email, DESKTOP);
	const french = { subject: 'FRANCAIS', coach: DEMO.coachLettres };
	const slot = await pickSlotOf(page, french, 4);
	const url = bookUrl({ ...french, slot, title: 'Dissertation', step: 'confirm' });
	await page.goto(url);
	const key = await page.locator('input[name="idempotencyKey"]').inputValue();

	// What a double tap without JavaScript sends: the same form, twice.
	const post = () =>
		page.request.post(`${url}&/book`, {
			form: { idempotencyKey: key },
			headers: { origin: new URL(page.url()).origin, 'x-sveltekit-action': 'true' }
		});
	const [first, second] = [await (await post()).json(), await (await post()).json()];
	expect(first.type).toBe('redirect');
	expect(second).toEqual(first);

	await page.goto('/sessions');
	await expect(page.getByRole('article', { name: 'Dissertation' })).toHaveCount(1);
	await page
		.getByRole('article', { name: 'Dissertation' })
		.getByRole('link', { name: 'Annuler' })
		.click();
	await page.getByRole('button', { name: 'Confirmer l’annulation' }).click();
	await expect(page).toHaveURL(/cancelled=/);
	await context.close();
});

test('the final submit answers a slot outside availability and an unqualified coach with their own codes', async ({
	browser
}) => {
	const { context, page } = await signedInPage(browser, DEMO.lucas.email, DESKTOP);
	await page.goto('/book');
	const night = new Date(Date.now() + 5 * 86_400_000);
	night.setUTCHours(2, 0, 0, 0); // 03:00 or 04:00 in Paris: nobody teaches then
	const submit = async (params: Record<string, string>) => {
		const url = bookUrl({ ...params, title: 'Test', step: 'confirm' });
		const response = await page.request.post(`${url}&/book`, {
			form: { idempotencyKey: crypto.randomUUID() },
			headers: { origin: new URL(page.url()).origin, 'x-sveltekit-action': 'true' }
		});
		return (await response.json()) as { type: string; status: number; data: string };
	};
	const refusedAtNight = async (subject: string, code: string) => {
		const answer = await submit({ subject, coach: DEMO.coachMaths, slot: night.toISOString() });
		expect(answer).toMatchObject({ type: 'failure', status: 422 });
		expect(answer.data).toContain(code);
	};
	await refusedAtNight('MATHEMATIQUES', 'OUTSIDE_AVAILABILITY');
	await refusedAtNight('ANGLAIS', 'COACH_NOT_QUALIFIED');
	await context.close();
});
