import { expect } from '@playwright/test';
import { DESKTOP, PHONE } from './family-support';
import { expectAccessible, signIn, test } from './support';

for (const viewport of [PHONE, DESKTOP]) {
	test(`a demo account button brings the filled form into view and says so (${viewport.width}px)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		await page.goto('/login');
		const use = page.getByRole('button', { name: /Utiliser\s+coach\.nsi@nexus\.test/ });
		await use.scrollIntoViewIfNeeded();
		await use.click();
		const submit = page.getByRole('button', { name: 'Se connecter' });
		await expect(submit).toBeInViewport();
		await expect(submit).toBeFocused();
		await expect(page.getByText('Formulaire rempli pour')).toHaveText(
			'Formulaire rempli pour coach.nsi@nexus.test : appuyez sur « Se connecter ».'
		);
		await expect(page.getByLabel('Adresse e-mail')).toHaveValue('coach.nsi@nexus.test');
		await expectAccessible(page);
		await context.close();
	});
}

test('switching the language updates <html lang> without a reload', async ({ page }) => {
	await signIn(page, 'eleve.lucas@nexus.test');
	await expect(page).toHaveURL(/\/student/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: /Français/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('small buttons are still 44 px tall to tap (sign out, session actions)', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: PHONE });
	const page = await context.newPage();
	await signIn(page, 'coach.maths@nexus.test');
	await expect(page).toHaveURL(/\/coach/);
	const heights = await page
		.locator('button.btn.small:visible')
		.evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
	expect(heights.length).toBeGreaterThan(1);
	for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
	await context.close();
});
