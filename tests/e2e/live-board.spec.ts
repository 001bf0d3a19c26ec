import { expect } from '@playwright/test';
import {
	bookMathsSession,
	COACH,
	DESKTOP,
	LUCAS,
	nextWeekday,
	PARENT_MARTIN
} from './coach-support';
import { expectAccessible, signIn, test } from './support';

/**
 * The assistants' board is live: a booking made by a family appears within 2 s without a
 * reload; a cancellation with a full refund made on the board reaches the family's credits
 * page without a reload.
 */
test("the board shows a family's booking live; a refund made there reaches the family live", async ({
	browser
}) => {
	const staffContext = await browser.newContext({ viewport: DESKTOP });
	const staff = await staffContext.newPage();
	await signIn(staff, 'assistant@nexus.test');
	await expect(staff).toHaveURL(/\/assistant/);
	const date = nextWeekday(2, 8);
	await staff.goto(`/assistant?from=${date}&days=1&coach=${COACH.maths.id}`);
	await expect(staff.getByTestId('live-state')).toHaveText(/En direct/);

	const familyContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const family = await familyContext.newPage();
	await signIn(family, PARENT_MARTIN);
	await expect(family).toHaveURL(/\/parent/);
	await family.goto(`/credits?student=${LUCAS}`);
	const balance = family.getByTestId(`balance-${LUCAS}`);
	await expect(balance).toBeVisible();
	const before = Number(await balance.textContent());

	const sessionId = await bookMathsSession(family.request, date, '19:00', 'Suites géométriques');
	const row = staff.locator(`[data-session="${sessionId}"]`);
	await expect(row).toBeVisible({ timeout: 2_000 });
	await expect(row).toHaveClass(/changed/);
	await expect(staff.getByTestId('board-announcement')).toContainText('Suites géométriques');
	await expect(balance).toHaveText(String(before - 1), { timeout: 2_000 });
	await expectAccessible(staff);
	await staff.screenshot({ path: test.info().outputPath('board-1280.png'), fullPage: true });

	// Cancel on the board with a full refund, by keyboard-reachable controls.
	await row.locator('summary').click();
	await row.getByLabel(/Changer le statut/).selectOption('CANCELLED');
	await row.getByLabel('Rembourser (annulation)').selectOption('full');
	await row.getByRole('button', { name: 'Appliquer' }).click();
	await expect(row).toHaveAttribute('data-status', 'CANCELLED', { timeout: 2_000 });
	await expect(balance).toHaveText(String(before), { timeout: 2_000 });

	// Its record: who did what, and the notifications with their state.
	await staff.goto(`/assistant/sessions/${sessionId}`);
	await expect(staff.getByTestId('history')).toContainText('Annulée');
	await expect(staff.getByTestId('deliveries').locator('li').first()).toBeVisible();
	await expectAccessible(staff);

	await staffContext.close();
	await familyContext.close();
});

test('a session’s record lets staff move it for the family, and keeps the trace', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: DESKTOP });
	const staff = await context.newPage();
	await signIn(staff, 'assistant@nexus.test');
	await expect(staff).toHaveURL(/\/assistant/);
	const date = nextWeekday(4, 15);
	const sessionId = await bookMathsSession(staff.request, date, '17:00', 'Trigonométrie');
	await staff.goto(`/assistant/sessions/${sessionId}`);
	await expect(staff.getByRole('heading', { name: 'Résoudre un problème' })).toBeVisible();
	await staff.getByLabel('Nouvelle date').fill(date);
	await staff.getByLabel('Nouvelle heure').fill('18:30');
	await staff
		.getByLabel('Raison (dite à la famille)')
		.last()
		.fill('Demande du parent par téléphone');
	await staff.getByRole('button', { name: 'Déplacer la séance' }).click();
	await expect(staff.getByText('Séance déplacée ; la famille est prévenue.')).toBeVisible();
	await expect(staff.getByTestId('history')).toContainText('Demande du parent par téléphone');
	await expect(staff.getByText(/18:30/).first()).toBeVisible();
	await expectAccessible(staff);
	await context.close();
});
