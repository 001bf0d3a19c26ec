import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn, withE2eDatabase } from './support';

/** Demo people (supabase/seed.sql). */
export const DEMO = {
	parentMartin: 'parent.martin@nexus.test',
	parentDurand: 'parent.durand@nexus.test',
	lucas: { email: 'eleve.lucas@nexus.test', id: '00000000-0000-4000-8000-000000000031' },
	emma: { email: 'eleve.emma@nexus.test', id: '00000000-0000-4000-8000-000000000032' },
	hugo: { email: 'eleve.hugo@nexus.test', id: '00000000-0000-4000-8000-000000000033' },
	coachMaths: '00000000-0000-4000-8000-000000000011',
	coachLettres: '00000000-0000-4000-8000-000000000012',
	coachNsi: '00000000-0000-4000-8000-000000000013',
	coachAnglais: '00000000-0000-4000-8000-000000000014'
} as const;

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Screenshots for a human to look at, in the run's output dir (`<output>/family-screens`). */
export async function snap(page: Page, name: string) {
	const { width } = page.viewportSize() ?? DESKTOP;
	await page.screenshot({
		path: path.join(test.info().project.outputDir, 'family-screens', `${name}-${width}.png`),
		fullPage: true
	});
}

/** A fresh context signed in as `email`, on their home (`home`, when the test says which). */
export async function signedInPage(
	browser: Browser,
	email: string,
	viewport = PHONE,
	home?: string | RegExp
) {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	await signIn(page, email);
	if (home) await expect(page).toHaveURL(home);
	else await expect(page).not.toHaveURL(/\/login/);
	return { context, page };
}

/** The wizard's URL for a step: only the answers, as a family's link would carry. */
export function bookUrl(params: Record<string, string | number | undefined>) {
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) {
		if (value !== undefined) query.set(key, String(value));
	}
	return `/book?${query}`;
}

/**
 * On the slot step: the value of one free slot, `day` counting the days
 * listed (0 = the first day with a free slot), `slot` within that day
 * (negative counts from the end). Different tests pick different days so that
 * they never compete for the same slot in the shared database.
 */
export async function slotValue(page: Page, day: number, slot = 0): Promise<string> {
	const fieldset = page.locator('fieldset.day').nth(day);
	const radios = fieldset.getByRole('radio', { disabled: false });
	const count = await radios.count();
	const value = await radios.nth(slot < 0 ? count + slot : slot).getAttribute('value');
	if (!value) throw new Error(`No slot ${slot} on listed day ${day}`);
	return value;
}

/** Pick that slot on the slot step (by clicking its label, as a person would). */
export async function chooseSlot(page: Page, value: string) {
	await page.locator(`input[name="slot"][value="${value}"]`).check();
}

/** A session that took place last week and has not been rated yet. */
export async function insertCompletedUnratedSession(title: string, studentId: string) {
	return withE2eDatabase(async (sql) => {
		const [row] = await sql<{ id: string }[]>`
			insert into public.session_bookings (
				student_id, coach_id, parent_id, booked_by, subject_code, modality, title,
				starts_at, ends_at, duration_minutes, status, credits_used, meeting_url,
				confirmed_at, started_at, completed_at)
			select ${studentId}::uuid, ${DEMO.coachLettres}::uuid, ps.parent_id, ps.parent_id,
				'FRANCAIS', 'ONLINE', ${title},
				date_trunc('hour', now()) - interval '6 days 2 hours',
				date_trunc('hour', now()) - interval '6 days 1 hour', 60, 'COMPLETED', 1,
				'https://meet.jit.si/nexus-e2e-rating', now() - interval '8 days',
				now() - interval '6 days 2 hours', now() - interval '6 days 1 hour'
			from public.parent_students ps where ps.student_id = ${studentId}::uuid
			limit 1
			returning id`;
		return row!.id;
	});
}
