import { expect } from '@playwright/test';
import { bookMathsSession, cancelAsCoach, COACH, nextWeekday } from './coach-support';
import { expectAccessible, signIn, test } from './support';

/**
 * A booking made elsewhere raises the coach's bell without a reload; the inbox opens on it;
 * the mail it sent through the built-in SMTP server shows in the dev mailbox.
 */
test('a booking rings the coach’s bell live and its mail reaches the dev mailbox', async ({
	page,
	browser
}) => {
	await signIn(page, COACH.maths.email);
	await expect(page).toHaveURL(/\/coach/);
	await expect(page.getByTestId('bell')).toBeVisible();
	const countNow = async () =>
		(await page.getByTestId('bell-count').count())
			? Number(await page.getByTestId('bell-count').textContent())
			: 0;
	const before = await countNow();

	// Parent Martin books through the API while the coach's page stays open (no reload).
	const sessionId = await bookMathsSession(
		page.request,
		nextWeekday(6, 9),
		'10:00',
		'Probabilités conditionnelles'
	);
	await expect(page.getByTestId('bell-count')).toHaveText(String(before + 1), { timeout: 20_000 });

	await page.getByTestId('bell').click();
	await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
	await expect(
		page.getByTestId('inbox').getByText('Probabilités conditionnelles').first()
	).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
	await expect(page.getByTestId('bell-count')).toHaveCount(0);

	// The coach's mail went through the in-process SMTP server: staff read it in the dev mailbox.
	const staffContext = await browser.newContext();
	const staff = await staffContext.newPage();
	await signIn(staff, 'assistant@nexus.test');
	await expect(staff).toHaveURL(/\/assistant/);
	await staff.goto('/dev/mailbox');
	// Newest first, among the other journeys' mail: this booking's, addressed to the coach.
	const mail = staff
		.getByTestId('mailbox')
		.locator('li', { hasText: COACH.maths.email })
		.filter({ hasText: 'Probabilités conditionnelles' })
		.first();
	await expect(async () => {
		await staff.reload();
		await expect(mail).toContainText('Nouvelle séance réservée', { timeout: 1_000 });
	}).toPass({ timeout: 15_000 });
	await mail.locator('summary').click();
	await expect(mail.locator('pre')).toBeVisible();
	await expectAccessible(staff);
	await staffContext.close();

	await cancelAsCoach(page.request, sessionId);
});
