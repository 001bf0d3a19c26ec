import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

const ROLES = [
	{ email: 'eleve.lucas@nexus.test', home: '/student', heading: 'Bonjour Lucas', badge: 'Élève' },
	{
		email: 'parent.martin@nexus.test',
		home: '/parent',
		heading: 'Bonjour Nathalie',
		badge: 'Parent'
	},
	{ email: 'coach.maths@nexus.test', home: '/coach', heading: 'Bonjour Sophie', badge: 'Coach' },
	{
		email: 'assistant@nexus.test',
		home: '/assistant',
		heading: 'Bonjour Claire',
		badge: 'Assistant·e'
	},
	{
		email: 'admin@nexus.test',
		home: '/assistant',
		heading: 'Bonjour Alice',
		badge: 'Administrateur'
	}
];

for (const role of ROLES) {
	test(`${role.email} signs in and lands on their home page`, async ({ page }) => {
		await signIn(page, role.email);
		await expect(page).toHaveURL(role.home);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(role.heading);
		await expect(page.getByRole('banner').getByText(role.badge, { exact: true })).toBeVisible();
		await expectAccessible(page);
	});
}

test('a wrong password shows a clear message and stays signed out', async ({ page }) => {
	await signIn(page, 'eleve.lucas@nexus.test', 'not-the-password');
	await expect(page.getByRole('alert')).toHaveText('E-mail ou mot de passe incorrect.');
	await page.goto('/student');
	await expect(page).toHaveURL(/\/login\?next=%2Fstudent/);
});

test('the sign-in page lists the demo accounts in local mode and is accessible', async ({
	page
}) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: 'Comptes de démonstration' })).toBeVisible();
	await expect(page.locator('code', { hasText: 'coach.maths@nexus.test' })).toBeVisible();
	await expectAccessible(page);
});

test('a demo account button fills the form, and sign-out ends the session', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: /Utiliser\s+eleve\.hugo@nexus\.test/ }).click();
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/student');
	await expect(page.locator('.stat')).toHaveText('2');
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL('/login');
	await page.goto('/student');
	await expect(page).toHaveURL(/\/login/);
});

test('sign-out ends a copy of the session cookies too, and says so there', async ({
	page,
	browser
}) => {
	await signIn(page, 'parent.durand@nexus.test');
	await expect(page).toHaveURL('/parent');
	// Another browser holding the very same cookies (a copied or stolen session).
	const copy = await browser.newContext({ storageState: await page.context().storageState() });
	const other = await copy.newPage();
	await other.goto('/sessions');
	await expect(other).toHaveURL('/sessions');

	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL('/login');

	// The bell's poll may learn it before the person reloads (it did, now and then): the
	// page must still say why. Made certain here rather than left to the poll's timing.
	expect(await other.evaluate(async () => (await fetch('/api/notifications/unread')).status)).toBe(
		401
	);
	await other.reload();
	await expect(other).toHaveURL(/\/login\?next=%2Fsessions/);
	await expect(other.getByRole('status')).toHaveText(
		'Votre session a pris fin. Reconnectez-vous pour continuer.'
	);
	expect((await copy.cookies()).map((c) => c.name)).not.toContain('nexus_access');
	await copy.close();
});

test('a student cannot open another role’s home', async ({ page }) => {
	await signIn(page, 'eleve.lucas@nexus.test');
	await expect(page).toHaveURL('/student');
	const response = await page.goto('/coach');
	expect(response?.status()).toBe(403);
});

test('the interface switches to English and back', async ({ page }) => {
	await signIn(page, 'eleve.emma@nexus.test');
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello Emma');
	await page.getByRole('button', { name: /Français/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Emma');
});

test('a parent signs up, adds a child, and sees them in the family', async ({ page }) => {
	const stamp = Date.now();
	await page.goto('/signup');
	await page.getByLabel('Prénom').fill('Inès');
	await page.getByLabel('Nom', { exact: true }).fill('Lefèvre');
	await page.getByLabel('Adresse e-mail').fill(`ines.${stamp}@example.fr`);
	await page.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page).toHaveURL('/family');
	await expect(page.getByText('Aucun enfant rattaché pour le moment.')).toBeVisible();

	await page.getByLabel('Prénom').fill('Léa');
	await page.getByLabel('Nom', { exact: true }).fill('Lefèvre');
	await page.getByLabel('E-mail de connexion de l’enfant').fill(`lea.${stamp}@example.fr`);
	await page.getByLabel('Mot de passe de l’enfant').fill('mot-de-passe-de-lea');
	await page.getByRole('button', { name: 'Ajouter' }).click();
	await expect(page.getByRole('status')).toHaveText('Léa a été ajouté·e à votre famille.');
	await expect(page.getByRole('listitem').filter({ hasText: 'Léa Lefèvre' })).toContainText(
		'0 crédits'
	);
	await expectAccessible(page);
});

test('sign-up refuses a password bcrypt would cut, and says why', async ({ page }) => {
	await page.goto('/signup');
	await expect(page.getByText('72 octets au plus')).toBeVisible();
	await page.getByLabel('Prénom').fill('Inès');
	await page.getByLabel('Nom', { exact: true }).fill('Lefèvre');
	await page.getByLabel('Adresse e-mail').fill(`ines.long.${Date.now()}@example.fr`);
	// 40 characters but 80 bytes: bcrypt would only read the first 72.
	await page.getByLabel('Mot de passe').fill('é'.repeat(40));
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page.getByText('Mot de passe trop long : 72 octets au plus')).toBeVisible();
	await expect(page.getByLabel('Mot de passe')).toHaveAttribute('aria-invalid', 'true');
	await expect(page).toHaveURL('/signup');
});
