/**
 * Who reaches the team analytics (the page and every CSV export), and the usage events the
 * funnel and the bulk tools record. The SQL refuses a non-staff caller too
 * (team.db.test.ts); here the routes answer before any figure is computed.
 */
import { describe, expect, it } from 'vitest';
import { appUrl, call, tokenFor } from '../support/api';
import { fileSql } from '../support/db';
import { DEMO_EMAILS } from '../support/demo';
import { signedInCoach, signedInFamily } from '../support/fixture-accounts';
import { TABLE_IDS } from '../../src/lib/features/analytics/team/tables';

const sql = fileSql(2);

async function get(path: string, email?: string) {
	const headers: Record<string, string> = {};
	if (email) headers.authorization = `Bearer ${await tokenFor(email)}`;
	return fetch(`${appUrl()}${path}`, { headers, redirect: 'manual' });
}

describe('/assistant/analytics', () => {
	it('shows staff the page and every table as CSV, with the filters applied', async () => {
		const page = await get(
			'/assistant/analytics?from=2026-01-01&to=2026-01-31',
			DEMO_EMAILS.assistant
		);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('data-figure="funnel"');
		for (const id of TABLE_IDS) {
			const csv = await get(
				`/assistant/analytics/export/${id}?from=2026-01-01&to=2026-01-31`,
				DEMO_EMAILS.admin
			);
			expect(csv.status, id).toBe(200);
			expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(csv.headers.get('content-disposition')).toContain(
				`nexus-${id}-2026-01-01-2026-01-31.csv`
			);
			expect((await csv.text()).split('\r\n')[0]).toMatch(/,/);
		}
		const days = await (
			await get(
				'/assistant/analytics/export/per-day?from=2026-01-01&to=2026-01-31',
				DEMO_EMAILS.admin
			)
		).text();
		// A header and one line per day, both ends included.
		expect(days.trim().split('\r\n')).toHaveLength(32);
		expect((await get('/assistant/analytics/export/nope', DEMO_EMAILS.admin)).status).toBe(404);
	});

	it('refuses a parent, a student and a coach, page and CSV alike (403), and nobody signed in', async () => {
		for (const email of [DEMO_EMAILS.parentMartin, DEMO_EMAILS.lucas, DEMO_EMAILS.coachMaths]) {
			expect((await get('/assistant/analytics', email)).status, email).toBe(403);
			for (const id of ['funnel', 'revenue-coach', 'feedback']) {
				expect(
					(await get(`/assistant/analytics/export/${id}`, email)).status,
					`${email} ${id}`
				).toBe(403);
			}
		}
		expect((await get('/assistant/analytics/export/funnel')).status).not.toBe(200);
		expect((await get('/assistant/analytics')).status).not.toBe(200);
	});
});

describe('usage events', () => {
	it('records a family’s wizard step once per 30 minutes, and refuses staff or a bad step', async () => {
		const family = await signedInFamily(sql);
		const step = (token: string, body: unknown) =>
			call('POST', '/api/usage/funnel', { token, body });
		expect((await step(family.parent.token, { step: 'WIZARD_STARTED' })).status).toBe(200);
		expect((await step(family.parent.token, { step: 'WIZARD_STARTED' })).status).toBe(200);
		const coach = await signedInCoach(sql);
		expect(
			(
				await step(family.parent.token, {
					step: 'COACH_CHOSEN',
					coachId: coach.id,
					subject: 'MATHEMATIQUES'
				})
			).status
		).toBe(200);
		const rows = await sql<{ kind: string; coach_id: string | null }[]>`
			select kind, coach_id from public.usage_events where user_id = ${family.parent.id} order by id`;
		expect(rows).toEqual([
			{ kind: 'WIZARD_STARTED', coach_id: null },
			{ kind: 'COACH_CHOSEN', coach_id: coach.id }
		]);
		expect((await step(family.parent.token, { step: 'BOOKED' })).status).toBe(400);
		expect((await step(coach.token, { step: 'WIZARD_STARTED' })).status).toBe(403);
		expect(
			(
				await call('POST', '/api/usage/funnel', {
					as: DEMO_EMAILS.assistant,
					body: { step: 'WIZARD_STARTED' }
				})
			).status
		).toBe(403);
	});

	it('counts a coach’s bulk tool when the editor says one made the change, not a plain save', async () => {
		const coach = await signedInCoach(sql);
		const day = (dayOfWeek: number) => ({
			dayOfWeek,
			slots: [{ startTime: '09:00', endTime: '12:00' }]
		});
		const save = (body: unknown) =>
			call('POST', '/api/coaches/availability', { token: coach.token, body });
		expect((await save({ type: 'weekly', schedule: [day(1), day(2)] })).status).toBe(200);
		const count = async () =>
			(
				await sql<{ n: number }[]>`select count(*)::int as n from public.usage_events
				where user_id = ${coach.id} and kind = 'AVAILABILITY_BULK'`
			)[0]!.n;
		expect(await count()).toBe(0);
		expect(
			(await save({ type: 'weekly', bulk: true, schedule: [day(1), day(2), day(3)] })).status
		).toBe(200);
		expect(await count()).toBe(1);
	});
});
