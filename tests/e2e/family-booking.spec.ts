import { expect, test } from '@playwright/test';
import { chooseSlot, DEMO, PHONE, signedInPage, slotValue, snap } from './family-support';
import { expectAccessible, withE2eDatabase } from './support';

const currentStep = (page: import('@playwright/test').Page) =>
	page.locator('[aria-current="step"]');

test('on a phone, a parent books a maths session for a child, sees the balance drop, cancels ≥ 24 h ahead and gets the credit back', async ({
	browser
}) => {
	test.slow();
	const { context, page } = await signedInPage(browser, DEMO.parentMartin, PHONE);
	const startedAt = new Date();

	await page.getByRole('navigation').getByRole('link', { name: 'Réserver' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réserver une séance');
	await page.getByRole('button', { name: 'Lucas' }).click();
	await expect(page.getByRole('button', { name: 'Lucas' })).toHaveAttribute('aria-pressed', 'true');
	await expect(currentStep(page)).toContainText('Matière');
	await snap(page, 'book-1-subject');
	await expectAccessible(page);

	await page.getByRole('radio', { name: 'Mathématiques' }).check();
	await page.getByRole('button', { name: 'Continuer' }).click();
	await expect(currentStep(page)).toContainText('Coach');
	await expect(page).toHaveURL(/subject=MATHEMATIQUES/);
	const sophie = page.getByRole('radio', { name: /Sophie Bernard/ });
	await expect(sophie).toBeVisible();
	await expect(page.getByText(/Prochain créneau/).first()).toBeVisible();
	await snap(page, 'book-2-coach');
	await expectAccessible(page);

	await sophie.check();
	await page.getByRole('button', { name: 'Continuer' }).click();
	await expect(currentStep(page)).toContainText('Créneau');
	await expect(page).toHaveURL(new RegExp(`coach=${DEMO.coachMaths}`));
	await snap(page, 'book-3-slot');
	await expectAccessible(page);
	// The third listed day starts more than 24 h from now: cancellable with a refund.
	const slot = await slotValue(page, 2, 0);
	await chooseSlot(page, slot);
	await page.getByRole('button', { name: 'Continuer' }).click();

	await expect(currentStep(page)).toContainText('Détails');
	await expect(page.getByRole('radio', { name: 'Lucas Martin' })).toBeChecked();
	await page.getByLabel('Titre').fill('Fonctions dérivées');
	await page.getByRole('radio', { name: 'En ligne (visio)' }).check();
	await snap(page, 'book-4-details');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Continuer' }).click();

	await expect(currentStep(page)).toContainText('Valider');
	await expect(page.locator('.summary')).toContainText('Sophie Bernard');
	await expect(page.locator('.summary')).toContainText('1 crédit');
	await expect(page.getByTestId('balance-after')).toHaveText('10 → 9 crédits après la réservation');
	await snap(page, 'book-5-confirm');
	await expectAccessible(page);

	// Every step is a URL: reload and the back button keep the answers.
	await page.reload();
	await expect(currentStep(page)).toContainText('Valider');
	await page.goBack();
	await expect(page.getByLabel('Titre')).toHaveValue('Fonctions dérivées');
	await page.goForward();
	await expect(page.getByTestId('balance-after')).toBeVisible();

	await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
	await expect(page).toHaveURL(/\/sessions\?booked=/);
	// The team's funnel heard each step, from the parent's account only.
	const steps = await withE2eDatabase(
		(sql) => sql<{ kind: string; coach_id: string | null }[]>`
			select distinct kind::text, coach_id from public.usage_events
			where user_id = (select id from public.profiles where email = ${DEMO.parentMartin}) and occurred_at >= ${startedAt} order by 1`
	);
	expect(steps).toEqual([
		{ kind: 'BOOKED', coach_id: DEMO.coachMaths },
		{ kind: 'COACH_CHOSEN', coach_id: DEMO.coachMaths },
		{ kind: 'SLOT_CHOSEN', coach_id: DEMO.coachMaths },
		{ kind: 'WIZARD_STARTED', coach_id: null }
	]);
	await expect(page.getByRole('status')).toContainText('Séance réservée : Fonctions dérivées');
	const booked = page.getByRole('article', { name: 'Fonctions dérivées' });
	await expect(booked).toContainText('Planifiée');
	await expect(booked.getByRole('link', { name: 'Rejoindre la visio' })).toHaveAttribute(
		'href',
		/^https:\/\/meet\.jit\.si\//
	);
	await snap(page, 'sessions-booked');
	await expectAccessible(page);

	await page.getByRole('navigation').getByRole('link', { name: 'Crédits' }).click();
	const lucasBalance = page.locator('.balances li', { hasText: 'Lucas Martin' }).locator('.stat');
	await expect(lucasBalance).toHaveText('9');
	await expect(page.locator('tbody tr').first()).toContainText('Réservation');
	await expect(page.locator('tbody tr').first()).toContainText('-1');
	await expect(page.locator('tbody tr').first()).toContainText('Fonctions dérivées');
	await snap(page, 'credits');
	await expectAccessible(page);

	await page.getByRole('navigation').getByRole('link', { name: 'Mes séances' }).click();
	await page
		.getByRole('article', { name: 'Fonctions dérivées' })
		.getByRole('link', { name: 'Annuler' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annuler la séance');
	await expect(page.getByTestId('refund-preview')).toHaveText(
		'Annulation plus de 24 h à l’avance : Lucas Martin récupère 1 crédit.'
	);
	await snap(page, 'cancel');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Confirmer l’annulation' }).click();

	await expect(page).toHaveURL(/\/sessions\?cancelled=/);
	await expect(page.getByRole('status')).toHaveText('Séance annulée. Remboursement : 1 crédit.');
	await expect(page.getByRole('article', { name: 'Fonctions dérivées' })).toContainText('Annulée');
	await page.getByRole('navigation').getByRole('link', { name: 'Crédits' }).click();
	await expect(lucasBalance).toHaveText('10');
	await expect(page.locator('tbody tr').first()).toContainText('Remboursement');
	await expect(page.locator('tbody tr').first()).toContainText('+1');
	await context.close();
});
