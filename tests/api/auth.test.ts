import { describe, expect, it } from 'vitest';
import { appUrl, call } from '../support/api';
import { adminSql } from '../support/db';
import { DEMO, DEMO_EMAILS, DEMO_PASSWORD } from '../support/demo';

const token = async (body: unknown) => call('POST', '/api/auth/token', { body });

describe('POST /api/auth/token', () => {
	it('returns a bearer token and the user for valid credentials', async () => {
		const res = await token({ email: DEMO_EMAILS.lucas, password: DEMO_PASSWORD });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			token_type: 'bearer',
			expires_in: 3600,
			user: { id: DEMO.lucas, email: DEMO_EMAILS.lucas, role: 'student' }
		});
		expect(res.body.access_token.split('.')).toHaveLength(3);
	});

	it('accepts the email in any case and with spaces around it', async () => {
		const res = await token({ email: '  Eleve.Lucas@Nexus.test ', password: DEMO_PASSWORD });
		expect(res.status).toBe(200);
	});

	it('answers a wrong password with 401 and a clear message, the same as an unknown email', async () => {
		const wrong = await token({ email: DEMO_EMAILS.lucas, password: 'nope-nope-nope' });
		const unknown = await token({ email: 'nobody@nexus.test', password: 'nope-nope-nope' });
		for (const res of [wrong, unknown]) {
			expect(res.status).toBe(401);
			expect(res.body).toEqual({
				error: { code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' }
			});
		}
	});

	it('rejects a malformed body with 400 and the fields at fault', async () => {
		const res = await token({ email: 'not-an-email' });
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('VALIDATION_FAILED');
		const raw = await call('POST', '/api/auth/token', { rawBody: '{not json' });
		expect(raw.status).toBe(400);
	});

	it('rotates refresh tokens and ends the session when a used one is replayed', async () => {
		const first = await token({ email: DEMO_EMAILS.emma, password: DEMO_PASSWORD });
		const refreshed = await token({
			grant_type: 'refresh_token',
			refresh_token: first.body.refresh_token
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
		expect(refreshed.body.user.id).toBe(DEMO.emma);

		// Within the reuse interval (parallel requests of one page) the old token still works…
		const parallel = await token({
			grant_type: 'refresh_token',
			refresh_token: first.body.refresh_token
		});
		expect(parallel.status).toBe(200);
		expect(parallel.body.user.id).toBe(DEMO.emma);

		// …but once older than that, seeing it again means it leaked.
		const sql = adminSql(1);
		await sql`update auth.refresh_tokens set updated_at = now() - interval '1 minute'
			where user_id = ${DEMO.emma} and revoked`;
		await sql.end();
		const replay = await token({
			grant_type: 'refresh_token',
			refresh_token: first.body.refresh_token
		});
		expect(replay.status).toBe(401);
		// The replay revoked the whole session, including the newer token.
		const after = await token({
			grant_type: 'refresh_token',
			refresh_token: refreshed.body.refresh_token
		});
		expect(after.status).toBe(401);
	});
});

describe('authentication on API routes', () => {
	it('answers 401 JSON without a token, with a garbage token and with a tampered one', async () => {
		const good = (await token({ email: DEMO_EMAILS.hugo, password: DEMO_PASSWORD })).body
			.access_token as string;
		const [header, payload, signature] = good.split('.');
		const forged = Buffer.from(
			JSON.stringify({
				...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
				user_role: 'admin'
			})
		).toString('base64url');
		for (const t of [undefined, 'garbage', `${header}.${forged}.${signature}`]) {
			const res = await call('GET', '/api/me', { token: t });
			expect(res.status).toBe(401);
			expect(res.body.error.code).toBe('UNAUTHENTICATED');
		}
	});

	it('GET /api/me returns the caller only', async () => {
		const res = await call('GET', '/api/me', { as: DEMO_EMAILS.hugo });
		expect(res.status).toBe(200);
		expect(res.body.profile).toMatchObject({ id: DEMO.hugo, role: 'student', firstName: 'Hugo' });
	});

	it('an unknown API path answers 404 in the API error shape', async () => {
		const res = await call('GET', '/api/does-not-exist', { as: DEMO_EMAILS.hugo });
		expect(res.status).toBe(404);
		expect(res.body.error.code).toBe('NOT_FOUND');
	});

	it('GET /api/health reports the database and migrations', async () => {
		const res = await fetch(`${appUrl()}/api/health`);
		const body = await res.json();
		expect(body.status).toBe('ok');
		expect(body.database).toBe('external');
		expect(body.migrations).toBeGreaterThanOrEqual(5);
	});
});

describe('browser sessions', () => {
	it('sign-out ends the session at once: its refresh token no longer works', async () => {
		const origin = appUrl();
		const form = new URLSearchParams({
			email: DEMO_EMAILS.emma,
			password: DEMO_PASSWORD,
			next: '/'
		});
		const login = await fetch(`${origin}/login`, {
			method: 'POST',
			headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: form,
			redirect: 'manual'
		});
		expect(login.status).toBe(303);
		const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
		const refresh = cookies.find((c) => c.startsWith('nexus_refresh='))!.split('=')[1]!;
		for (const c of login.headers.getSetCookie()) expect(c).toMatch(/HttpOnly/i);

		const logout = await fetch(`${origin}/logout`, {
			method: 'POST',
			headers: {
				origin,
				accept: 'text/html',
				cookie: cookies.join('; '),
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: '',
			redirect: 'manual'
		});
		expect(logout.status).toBe(303);
		const reuse = await token({ grant_type: 'refresh_token', refresh_token: refresh });
		expect(reuse.status).toBe(401);
	});
});
