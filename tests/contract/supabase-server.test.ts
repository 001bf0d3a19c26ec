import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_BY_ROLE } from '../../src/lib/core/roles';
import { startAppServer } from '../support/app-server';
import { hasBuild } from '../support/start-process';
import { ACCOUNTS, KEYS, startGoTrueReplay } from './gotrue-replay';
import { contractDatabase } from './homes';

/**
 * The built server with SUPABASE_URL set, against the GoTrue replay (Supabase Auth cannot run
 * here; see identity.contract.test.ts): the hooks and the sign-in, sign-out pages are the same
 * code for both adapters, and this shows they hold with Supabase's cookies, not only ours.
 */
describe.skipIf(!hasBuild())('the built server with Supabase Auth', () => {
	let db: Awaited<ReturnType<typeof contractDatabase>>;
	let replay: Awaited<ReturnType<typeof startGoTrueReplay>>;
	let server: Awaited<ReturnType<typeof startAppServer>>;
	beforeAll(async () => {
		db = await contractDatabase();
		replay = await startGoTrueReplay(db.sql);
		server = await startAppServer(db.url, {
			SUPABASE_URL: replay.url,
			SUPABASE_PUBLISHABLE_KEY: KEYS.publishable,
			SUPABASE_SECRET_KEY: KEYS.secret,
			NEXUS_WORKFLOWS: 'off'
		});
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		await replay?.close();
		await db?.close();
	});

	const send = (path: string, cookie: string, init: RequestInit = {}) =>
		fetch(`${server.url}${path}`, {
			...init,
			headers: { cookie, accept: 'text/html', origin: server.url, ...init.headers },
			redirect: 'manual'
		});
	const form = (path: string, cookie: string, fields: Record<string, string>) =>
		send(path, cookie, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields)
		});
	const cookieHeader = (res: Response) =>
		res.headers
			.getSetCookie()
			.map((c) => c.split(';', 1)[0])
			.join('; ');

	it('signs in through /login, and signing out ends a copy of the cookies too', async () => {
		replay.expect('server-sign-out');
		const claire = ACCOUNTS.claire!;
		const signIn = await form('/login', '', {
			email: claire.user.email,
			password: claire.password!
		});
		expect(signIn.status).toBe(303);
		expect(signIn.headers.get('location')).toBe(HOME_BY_ROLE.parent);
		const set = signIn.headers.getSetCookie();
		expect(set).toEqual([
			expect.stringMatching(/^sb-127-auth-token=base64-.*HttpOnly.*SameSite=Lax/i)
		]);
		const cookie = cookieHeader(signIn);

		const me = await send('/api/me', cookie, { headers: { accept: 'application/json' } });
		expect(me.status).toBe(200);
		expect(await me.json()).toMatchObject({ profile: { id: claire.user.id, role: 'parent' } });
		expect((await send('/sessions', cookie)).status).toBe(200);

		const signOut = await form('/logout', cookie, {});
		expect(signOut.status).toBe(303);
		expect(signOut.headers.getSetCookie()).toEqual(
			expect.arrayContaining([expect.stringMatching(/^sb-127-auth-token=;.*Max-Age=0/)])
		);

		// The copy's access token has a good signature for an hour yet: the database refuses it.
		const api = await send('/api/me', cookie, { headers: { accept: 'application/json' } });
		expect(api.status).toBe(401);
		const page = await send('/sessions', cookie);
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/login?next=%2Fsessions&ended=1');
		expect(page.headers.getSetCookie()).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^sb-127-auth-token=;.*Max-Age=0/),
				expect.stringMatching(/^nexus_ended=1;/)
			])
		);
		replay.done();
	});
});
