import { expect } from '@playwright/test';
import { askForMailedLink, expectAccessible, test } from './support';

/**
 * A parent who forgot their password: "Mot de passe oublié ?" on the sign-in page, the mail
 * (read from the embedded server's mailbox: its in-process SMTP server received it), the
 * link, a new password, signed in; the old password no longer works. On a phone.
 */
test.use({ viewport: { width: 390, height: 844 } });

test('a parent resets a forgotten password from the mailed link', async ({ page }) => {
	const stamp = Date.now();
	const email = `oubli.${stamp}@example.fr`;
	await page.goto('/signup');
	await page.getByLabel('Prénom').fill('Inès');
	await page.getByLabel('Nom', { exact: true }).fill(`Oubli${stamp}`);
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe').fill('ancien-mot-de-passe');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page).toHaveURL('/family');
	await page.getByRole('button', { name: 'Se déconnecter' }).click();

	const link = await askForMailedLink(page, email, {
		entry: 'Mot de passe oublié ?',
		heading: 'Mot de passe oublié',
		path: '/reset'
	});

	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouveau mot de passe');
	// The token leaves the address bar once the page has it.
	await expect(page).toHaveURL('/reset');
	await expectAccessible(page);
	await page.getByLabel('Nouveau mot de passe').fill('court');
	await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
	// The browser holds back a password under 10 characters (the server refuses it too).
	expect(
		await page
			.getByLabel('Nouveau mot de passe')
			.evaluate((input: HTMLInputElement) => input.validity.tooShort)
	).toBe(true);
	await page.getByLabel('Nouveau mot de passe').fill('nouveau-mot-de-passe');
	await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
	await expect(page).toHaveURL('/parent');

	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe').fill('ancien-mot-de-passe');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toHaveText('E-mail ou mot de passe incorrect.');
	await page.getByLabel('Mot de passe').fill('nouveau-mot-de-passe');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/parent');

	// The same link again: refused, with a way to ask for a new one.
	await page.goto(link);
	await page.getByLabel('Nouveau mot de passe').fill('encore-un-autre-mot');
	await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
	await expect(page.getByRole('alert')).toContainText('Ce lien ne fonctionne plus');
	await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toBeVisible();
});
