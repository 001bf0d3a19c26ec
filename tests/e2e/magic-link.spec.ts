import { expect } from '@playwright/test';
import { expectAccessible, test, withE2eDatabase } from './support';

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

	await page.goto('/login');
	await page.getByRole('link', { name: 'Recevoir un lien de connexion' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recevoir un lien de connexion');
	await expectAccessible(page);
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByRole('button', { name: 'Envoyer le lien' }).click();
	await expect(page.getByRole('status')).toContainText(`Si un compte utilise ${email}`);

	let link = '';
	await expect
		.poll(async () => (link = await signInLinkFor(email)), { timeout: 10_000 })
		.not.toBe('');

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

/** The sign-in link (path and query) in the newest mail to `email`, or '' before it arrives. */
function signInLinkFor(email: string): Promise<string> {
	return withE2eDatabase(async (sql) => {
		const [mail] = await sql<{ body: string }[]>`
			select body from public.dev_mailbox where recipient = ${email} order by id desc limit 1`;
		return /\/auth\/magic\?token=[A-Za-z0-9_-]{43}/.exec(mail?.body ?? '')?.[0] ?? '';
	});
}
