import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import postgres, { type Sql } from 'postgres';

export const DEMO_PASSWORD = 'nexus-demo';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe').fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** No serious or critical axe-core violation on the current page. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	const serious = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/**
 * Superuser access to the e2e server's own embedded database, for arranging a
 * fixture the UI cannot create (a session that already took place). Never
 * used for the action under test.
 */
export async function withE2eDatabase<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
	const dataDir = path.resolve(`.data/e2e-${process.env.E2E_PORT ?? 4173}`);
	const port = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3];
	const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
	const sql = postgres({
		host: '127.0.0.1',
		port: Number(port),
		user: 'postgres',
		password,
		database: 'postgres',
		max: 1,
		onnotice: () => {}
	});
	try {
		return await fn(sql);
	} finally {
		await sql.end();
	}
}

/**
 * Playwright's `test`, failing any test during which the browser refused something under the
 * Content-Security-Policy (kit.csp): a blocked script, style, font or connection is reported on
 * the console and as a `securitypolicyviolation` event.
 */
/**
 * From the sign-in page, asks for a mailed link (a reset or sign-in link: the same form) and
 * returns it, path and query, read from the embedded server's mailbox once the mail is there.
 */
export async function askForMailedLink(
	page: Page,
	email: string,
	form: { entry: string; heading: string; path: string }
): Promise<string> {
	await page.goto('/login');
	await page.getByRole('link', { name: form.entry }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(form.heading);
	await expectAccessible(page);
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByRole('button', { name: 'Envoyer le lien' }).click();
	await expect(page.getByRole('status')).toContainText(`Si un compte utilise ${email}`);
	const pattern = new RegExp(`${form.path}\\?token=[A-Za-z0-9_-]{43}`);
	let link = '';
	await expect
		.poll(
			async () =>
				(link = await withE2eDatabase(async (sql) => {
					const [mail] = await sql<{ body: string }[]>`
						select body from public.dev_mailbox where recipient = ${email}
						order by id desc limit 1`;
					return pattern.exec(mail?.body ?? '')?.[0] ?? '';
				})),
			{ timeout: 10_000 }
		)
		.not.toBe('');
	return link;
}

export const test = base.extend<{ cspViolations: string[] }>({
	cspViolations: [
		async ({ page }, use) => {
			const violations: string[] = [];
			page.on('console', (message) => {
				if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
			});
			await page.addInitScript(() =>
				document.addEventListener('securitypolicyviolation', (e) =>
					console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`)
				)
			);
			await use(violations);
			expect(violations, 'CSP violations').toEqual([]);
		},
		{ auto: true }
	]
});
