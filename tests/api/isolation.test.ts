import { describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { DEMO, DEMO_EMAILS, DEMO_SESSIONS } from '../support/demo';

/**
 * Families never see each other through any route: Hugo (Durand family) probes the Martin
 * family's data (Lucas) everywhere. Reads and refused writes only; nothing changes.
 */
const hugo = { as: DEMO_EMAILS.hugo };
const lucasSession = DEMO_SESSIONS.lucasMaths;

describe('a student cannot reach another family through the API', () => {
	it('does not list Lucas’s sessions, even when asking for them by userId', async () => {
		const all = await call('GET', '/api/sessions', hugo);
		expect(all.status).toBe(200);
		const ids = all.body.sessions.map((s: any) => s.id);
		expect(ids).toContain(DEMO_SESSIONS.hugoAnglais);
		expect(all.body.sessions.every((s: any) => s.student.id === DEMO.hugo)).toBe(true);
		const asked = await call('GET', `/api/sessions?userId=${DEMO.lucas}`, hugo);
		expect(asked.body.sessions).toEqual([]);
	});

	it('gets 404 for each of Lucas’s sessions on every session route', async () => {
		const attempts = [
			call('GET', `/api/sessions/${lucasSession}`, hugo),
			call('GET', `/api/sessions/${lucasSession}/refund-preview`, hugo),
			call('PATCH', `/api/sessions/${lucasSession}/status`, {
				...hugo,
				body: { status: 'CANCELLED' }
			}),
			call('POST', `/api/sessions/${lucasSession}/feedback`, { ...hugo, body: { rating: 1 } }),
			call('POST', `/api/sessions/${lucasSession}/feedback`, { ...hugo, body: { notes: 'x' } }),
			call('POST', `/api/sessions/${lucasSession}/reschedule`, {
				...hugo,
				body: { scheduledDate: '2099-01-05', startTime: '17:00' }
			})
		];
		for (const res of await Promise.all(attempts)) {
			expect(res.status).toBe(404);
			expect(res.body.error.code).toBe('NOT_FOUND');
		}
		// The same request from Lucas succeeds: the 404s above are about Hugo, not the route.
		expect(
			(await call('GET', `/api/sessions/${lucasSession}`, { as: DEMO_EMAILS.lucas })).status
		).toBe(200);
	});

	it('sees no balance or ledger entry of Lucas', async () => {
		const res = await call('GET', `/api/credits?studentId=${DEMO.lucas}`, hugo);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ balances: [], transactions: [] });
		const mine = await call('GET', '/api/credits', hugo);
		expect(mine.body.balances.map((b: any) => b.studentId)).toEqual([DEMO.hugo]);
		expect(mine.body.transactions.every((t: any) => t.studentId === DEMO.hugo)).toBe(true);
	});

	it('cannot book for Lucas', async () => {
		const res = await call('POST', '/api/sessions/book', {
			...hugo,
			body: {
				coachId: DEMO.coachMaths,
				studentId: DEMO.lucas,
				subject: 'MATHEMATIQUES',
				scheduledDate: '2099-01-05',
				startTime: '17:00',
				endTime: '18:00',
				duration: 60,
				title: 'Intrusion',
				creditsToUse: 1
			}
		});
		expect(res.status).toBe(403);
	});
});

describe('every booking route needs a valid token', () => {
	const routes: [string, string, unknown?][] = [
		['GET', '/api/coaches?subject=MATHEMATIQUES'],
		[
			'GET',
			`/api/coaches/availability?coachId=${DEMO.coachMaths}&startDate=2099-01-05&endDate=2099-01-06`
		],
		[
			'POST',
			'/api/coaches/availability',
			{ type: 'specific', specificDate: '2099-01-05', slots: [] }
		],
		['GET', '/api/sessions'],
		['POST', '/api/sessions/book', {}],
		['GET', `/api/sessions/${lucasSession}`],
		['PATCH', `/api/sessions/${lucasSession}/status`, { status: 'CANCELLED' }],
		['POST', `/api/sessions/${lucasSession}/feedback`, { rating: 5 }],
		[
			'POST',
			`/api/sessions/${lucasSession}/reschedule`,
			{ scheduledDate: '2099-01-05', startTime: '17:00' }
		],
		['GET', `/api/sessions/${lucasSession}/refund-preview`],
		['GET', '/api/credits'],
		['POST', '/api/credits/grant', { studentId: DEMO.hugo, amount: 5, reason: 'x' }]
	];

	it.each(routes)(
		'%s %s answers 401 without a token and with a garbage one',
		async (method, path, body) => {
			for (const token of [undefined, 'garbage', 'a.b.c']) {
				const res = await call(method, path, { token, body });
				expect(res.status).toBe(401);
				expect(res.body.error.code).toBe('UNAUTHENTICATED');
			}
		}
	);
});
