import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

/**
 * A new family asks for credits from /credits; the assistant grants the request and adds more
 * from /assistant/credits; the family sees both. A fresh family, so no demo balance moves.
 */
test('a family asks for credits, the assistant grants them and adds more with a reason', async ({
	browser
}) => {
	test.slow();
	const stamp = Date.now();
	const family = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const parent = await family.newPage();
	await parent.goto('/signup');
	await parent.getByLabel('Prénom').fill('Camille');
	await parent.getByLabel('Nom', { exact: true }).fill(`Roux${stamp}`);
	await parent.getByLabel('Adresse e-mail').fill(`camille.${stamp}@example.fr`);
	await parent.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
	await parent.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(parent).toHaveURL('/family');
	await parent.getByLabel('Prénom').fill('Jules');
	await parent.getByLabel('Nom', { exact: true }).fill(`Roux${stamp}`);
	await parent.getByLabel('E-mail de connexion de l’enfant').fill(`jules.${stamp}@example.fr`);
	await parent.getByLabel('Mot de passe de l’enfant').fill('mot-de-passe-de-jules');
	await parent.getByRole('button', { name: 'Ajouter' }).click();
	await expect(parent.getByRole('status')).toContainText('Jules');

	await parent.goto('/credits');
	const request = parent.getByRole('region', { name: 'Demander des crédits' });
	await request.getByLabel('Nombre de crédits').fill('4');
	await request.getByLabel('Message (facultatif)').fill('Stage de révisions');
	await request.getByRole('button', { name: 'Envoyer la demande' }).click();
	await expect(request.getByRole('status')).toHaveText(
		'Demande envoyée : l’équipe vous répond rapidement.'
	);
	await expect(request.getByRole('listitem').first()).toContainText('En attente');
	await expectAccessible(parent);

	const staff = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const assistant = await staff.newPage();
	await signIn(assistant, 'assistant@nexus.test');
	await assistant.getByRole('link', { name: 'Crédits' }).click();
	await expect(assistant).toHaveURL('/assistant/credits');
	await expect(assistant.getByRole('heading', { level: 1 })).toHaveText('Crédits des familles');
	const queue = assistant.getByRole('region', { name: /Demandes en attente/ });
	const asked = queue.getByRole('listitem').filter({ hasText: `Jules Roux${stamp}` });
	await expect(asked).toContainText('demande 4 crédits');
	await expect(asked).toContainText('Stage de révisions');
	await expectAccessible(assistant);
	await asked.getByRole('button', { name: 'Accorder' }).click();
	await expect(assistant.getByRole('status').first()).toHaveText(
		'Demande accordée. Nouveau solde : 4.'
	);
	await expect(queue.getByRole('listitem').filter({ hasText: `Jules Roux${stamp}` })).toHaveCount(
		0
	);

	const grant = assistant.getByRole('region', { name: 'Ajouter des crédits' });
	const jules = await grant
		.locator('option', { hasText: `Jules Roux${stamp}` })
		.getAttribute('value');
	await grant.getByLabel('Élève').selectOption(jules!);
	await grant.getByLabel('Crédits').fill('2');
	await grant.getByLabel('Motif').fill('ok');
	await grant.getByRole('button', { name: 'Ajouter les crédits' }).click();
	// Too short a reason: the browser holds the form back (the server would refuse it too).
	expect(
		await grant.getByLabel('Motif').evaluate((input: HTMLInputElement) => input.validity.tooShort)
	).toBe(true);
	await expect(assistant.getByRole('status').first()).not.toContainText('ajouté');
	await grant.getByLabel('Élève').selectOption(jules!);
	await grant.getByLabel('Crédits').fill('2');
	await grant.getByLabel('Motif').fill('Geste commercial');
	await grant.getByRole('button', { name: 'Ajouter les crédits' }).click();
	await expect(assistant.getByRole('status').first()).toHaveText(
		`Crédits ajoutés au compte de Jules Roux${stamp} : 2 crédits. Nouveau solde : 6.`
	);
	await assistant.getByLabel('Rechercher un élève ou un parent').fill(`Roux${stamp}`);
	await expect(assistant.getByRole('row').filter({ hasText: 'Jules' })).toContainText('6');

	await parent.reload();
	await expect(request.getByRole('listitem').first()).toContainText('Accordée');
	await expect(parent.getByText('Geste commercial')).toBeVisible();
	await staff.close();
	await family.close();
});
