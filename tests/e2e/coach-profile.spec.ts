import { expect, test } from '@playwright/test';
import { COACH } from './coach-support';
import { expectAccessible, signIn } from './support';

test('a coach sees their subjects and sets time zone and contact preferences', async ({ page }) => {
	await signIn(page, COACH.nsi.email);
	await page.getByRole('link', { name: 'Profil' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon profil');
	const subjects = page.getByRole('region', { name: 'Matières enseignées' });
	await expect(subjects.getByRole('listitem')).toHaveText(['Mathématiques', 'NSI']);
	// The profile page never loads the calendar library.
	await expect(page.locator('style[data-fullcalendar]')).toHaveCount(0);
	await expectAccessible(page);

	// SMS without a phone number is refused with a clear message.
	await page.getByLabel('Téléphone mobile').fill('');
	await page.getByLabel('SMS').check();
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByText('Un numéro est nécessaire pour recevoir des SMS.')).toBeVisible();
	await expect(page.getByLabel('Téléphone mobile')).toHaveAttribute('aria-invalid', 'true');

	await page.getByLabel('Téléphone mobile').fill('+33 6 98 76 54 32');
	await page.getByLabel('E-mail', { exact: true }).uncheck();
	await page.getByLabel('Fuseau horaire', { exact: true }).selectOption('Indian/Reunion');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Préférences' })).toHaveText(
		'Préférences enregistrées.'
	);

	await page.reload();
	await expect(page.getByLabel('Téléphone mobile')).toHaveValue('+33 6 98 76 54 32');
	await expect(page.getByLabel('SMS')).toBeChecked();
	await expect(page.getByLabel('E-mail', { exact: true })).not.toBeChecked();
	await expect(page.getByLabel('Fuseau horaire', { exact: true })).toHaveValue('Indian/Reunion');
	// The availability screen now speaks that zone.
	await page.getByRole('link', { name: 'Disponibilités' }).click();
	await expect(
		page.getByText('Heures affichées dans votre fuseau horaire : Indian/Reunion.')
	).toBeVisible();

	// Back to the demo settings for the other journeys.
	await page.getByRole('link', { name: 'Profil' }).click();
	await page.getByLabel('Fuseau horaire', { exact: true }).selectOption('Europe/Paris');
	await page.getByLabel('E-mail', { exact: true }).check();
	await page.getByLabel('SMS').uncheck();
	await page.getByLabel('Téléphone mobile').fill('+33 6 12 34 56 13');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Préférences' })).toBeVisible();
});
