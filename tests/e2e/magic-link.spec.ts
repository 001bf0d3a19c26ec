import { expect } from '@playwright/test';
import { askForMailedLink, expectAccessible, test, withE2eDatabase } from './support';

/**
 * A parent who signs in by link: « Recevoir un lien de connexion » on the sign-in page, the mail
 * (read from the embedded server's mailbox), the link's page and its button, signed in; the same
 * link again says it no longer works. On a phone, checked with axe.
 */
test.use({ viewport: { width: 390, height: 844 } });

test('a parent signs in with a mailed link, once', async ({ page }) => {
	// An account made as sign-up makes one; the journey is the link, not the sign-up form.
	const email = `lien.${Date.now()}@example.fr`;
	await withE2eDatabase(
		(
			sql
		) => sql`insert into auth.users (id, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
			values (gen_random_uuid(), ${email}, now(), ${sql.json({ provider: 'email', role: 'parent' })},
				${sql.json({ first_name: 'Inès', last_name: 'Lien' })})`
	);

	const link = await askForMailedLink(page, email, {
		entry: 'Recevoir un lien de connexion',
		heading: 'Recevoir un lien de connexion',
		path: '/auth/magic'
	});

	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter avec le lien');
	// The token leaves the address bar once the page has it.
	await expect(page).toHaveURL('/auth/magic');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Me connecter' }).click();
	await expect(page).toHaveURL('/parent');

	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await page.goto(link);
	await page.getByRole('button', { name: 'Me connecter' }).click();
	await expect(page.getByRole('alert')).toContainText('Ce lien de connexion ne fonctionne plus');
	await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toBeVisible();
});
