import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppUser } from '../../src/lib/server/auth/types';
import { runAsUser, type JwtClaims } from '../../src/lib/server/db/as-user';
import { ENDED_COOKIE } from '../../src/lib/server/auth/cookies';
import { CookieJar } from './cookie-jar';
import { ACCOUNTS, startGoTrueReplay } from './gotrue-replay';
import { localHome, supabaseHome, type Home } from './homes';

/**
 * The identity contract: one suite of behaviours the app relies on, run against both adapters.
 *
 * - The local adapter runs for real, on a private copy of the migrated test database.
 * - Supabase Auth (GoTrue) cannot run here: no Docker for `supabase start`, and its server is
 *   not an npm package. So this checks the Supabase adapter, with the real @supabase/ssr and
 *   supabase-js inside it, against GoTrue's documented HTTP contract: recorded request →
 *   response exchanges (tests/contract/recordings, shaped as supabase/auth's openapi.yaml and
 *   handlers answer) replayed by an in-process server that fails the test on any request it
 *   did not expect (method, path, query, key, bearer or body) and on any it expected but did not
 *   get. What GoTrue would write in the project's database (users, sessions, sign-out), the
 *   replay writes in the test database, so the database half of each behaviour (the session
 *   check every user transaction makes, the profile trigger, the token hook) runs for real.
 *   What this cannot show: that GoTrue itself still answers as recorded.
 */

const claire = ACCOUNTS.claire!;
const paul = ACCOUNTS.paul!;
const ines = ACCOUNTS.ines!;
const nadia = ACCOUNTS.nadia!;
const emma = ACCOUNTS.emma!;
const NEW_PASSWORD = 'nouveau-mot-de-passe-1';
const RESET_PAGE = 'https://sessions.nexus-reussite.fr/reset';
const LINK_PAGE = 'https://sessions.nexus-reussite.fr/auth/magic';
const UNKNOWN = 'personne@contract.test';
const HOUR = 3600_000;

/** Move the clock past an access token's hour, as a browser left alone would. */
function laterBy(ms: number) {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(Date.now() + ms);
}

describe.each([
	['local', localHome],
	['Supabase', supabaseHome]
])('the %s identity adapter', (_name, makeHome) => {
	let home: Home;
	beforeAll(async () => {
		home = await makeHome();
	});
	afterAll(() => home?.close());
	afterEach(() => {
		vi.useRealTimers();
		home.done();
	});

	/** One request of a browser holding `jar`, over https. */
	const request = (jar: CookieJar) => home.provider.forRequest(jar, { secure: true });
	const behaviour = (title: string, recording: string, test: () => Promise<void>) =>
		it(title, async () => {
			home.exchanges(recording);
			await test();
		});

	/** Who the database sees in a transaction opened with these claims. */
	const asUser = (claims: JwtClaims) =>
		runAsUser(home.sql, claims, async (tx) => {
			const [row] = await tx<{ id: string; role: string }[]>`
				select auth.uid() as id, private.current_user_role() as role`;
			return row;
		});
	const expectSessionEnded = (claims: JwtClaims) =>
		expect(asUser(claims)).rejects.toThrow(/NB_SESSION_ENDED/);
	const profileOf = async (id: string) => {
		const [row] = await home.sql<
			{
				role: string;
				first_name: string;
				last_name: string;
				phone: string | null;
				locale: string;
			}[]
		>`select role, first_name, last_name, phone, locale from public.profiles where id = ${id}`;
		return row;
	};
	const sessionCookies = (jar: CookieJar) => jar.getAll().filter((c) => c.name !== ENDED_COOKIE);

	behaviour(
		'signs in with the right password; the cookies carry it to the next request',
		'sign-in',
		async () => {
			const jar = new CookieJar();
			const user = await request(jar).signIn('  Claire.Martin@Contract.test ', claire.password!);
			expect(user).toMatchObject({ id: claire.user.id, email: claire.user.email, role: 'parent' });
			const cookies = jar.attributes();
			expect(cookies.length).toBeGreaterThan(0);
			for (const cookie of cookies)
				expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
			expect(await request(jar).user()).toMatchObject({ id: claire.user.id, role: 'parent' });
			expect(await request(new CookieJar()).user()).toBeNull();
			// The session's own token, as /api/live/token hands it to Supabase Realtime.
			const live = await request(jar).accessToken(0);
			expect(await home.provider.verifyAccessToken(live!.token)).toMatchObject({
				id: claire.user.id
			});
			expect(live!.expiresAt).toBeGreaterThan(Date.now() / 1000);
			expect(await request(new CookieJar()).accessToken(0)).toBeNull();
		}
	);

	behaviour(
		'refuses a wrong password and an unknown address alike, setting nothing',
		'wrong-password',
		async () => {
			for (const [email, password] of [
				[claire.user.email, 'pas-le-bon-mot-de-passe'],
				[UNKNOWN, 'pas-le-bon-mot-de-passe']
			] as const) {
				const jar = new CookieJar();
				await expect(request(jar).signIn(email, password)).rejects.toMatchObject({
					code: 'INVALID_CREDENTIALS'
				});
				expect(jar.getAll()).toEqual([]);
			}
		}
	);

	behaviour(
		'claims name the person, the role from the token hook, and open the database as them',
		'claims',
		async () => {
			const issued = await home.provider.signInWithPassword(claire.user.email, claire.password!);
			expect(issued.expiresIn).toBeGreaterThan(0);
			const user = (await home.provider.verifyAccessToken(issued.accessToken))!;
			expect(user).toMatchObject({ id: claire.user.id, role: 'parent' });
			expect(user.claims).toMatchObject({
				sub: claire.user.id,
				role: 'authenticated',
				user_role: 'parent',
				session_id: expect.stringMatching(/^[0-9a-f-]{36}$/)
			});
			expect(await asUser(user.claims)).toEqual({ id: claire.user.id, role: 'parent' });
			expect(await home.provider.verifyAccessToken('not.a.token')).toBeNull();
			expect(await home.provider.verifyAccessToken(await home.forgedToken(user))).toBeNull();
		}
	);

	behaviour(
		'renews an expired access token with the refresh token, which rotates',
		'refresh',
		async () => {
			const jar = new CookieJar();
			const first = await request(jar).signIn(claire.user.email, claire.password!);
			const before = JSON.stringify(jar.getAll());
			laterBy(2 * HOUR);
			const renewed = await request(jar).user();
			expect(renewed).toMatchObject({ id: claire.user.id, role: 'parent' });
			expect(renewed!.claims.session_id).toBe(first.claims.session_id);
			expect(JSON.stringify(jar.getAll())).not.toBe(before);
			expect(await request(jar).user()).toMatchObject({ id: claire.user.id });
			vi.useRealTimers();

			const issued = await home.provider.signInWithPassword(claire.user.email, claire.password!);
			const rotated = (await home.provider.refresh(issued.refreshToken))!;
			expect(rotated.user).toMatchObject({ id: claire.user.id, role: 'parent' });
			expect(rotated.refreshToken).not.toBe(issued.refreshToken);
			expect(rotated.user.claims.session_id).toBe(issued.user.claims.session_id);
			expect(await home.provider.refresh('not-a-refresh-token-at-all')).toBeNull();
		}
	);

	behaviour('signing out ends the session everywhere it was copied', 'sign-out', async () => {
		const jar = new CookieJar();
		const user = await request(jar).signIn(claire.user.email, claire.password!);
		const copy = jar.copy();
		expect(await asUser(user.claims)).toEqual({ id: claire.user.id, role: 'parent' });

		await request(jar).signOut();
		expect(sessionCookies(jar)).toEqual([]);
		// The access token still has a valid signature until it expires: every transaction as
		// that session is refused all the same.
		await expectSessionEnded(user.claims);

		// The copy, an hour later: its refresh token is dead too, and it says why.
		laterBy(2 * HOUR);
		expect(await request(copy).user()).toBeNull();
		expect(sessionCookies(copy)).toEqual([]);
		expect(copy.get(ENDED_COOKIE)).toBe('1');
	});

	behaviour(
		'signing up makes a parent with the names, phone and language given, signed in',
		'sign-up',
		async () => {
			const jar = new CookieJar();
			const form = {
				email: nadia.user.email,
				password: nadia.password!,
				firstName: 'Nadia',
				lastName: 'Benali',
				phone: '+33 6 12 34 56 78',
				locale: 'en' as const
			};
			const user = await request(jar).signUp(form);
			expect(user).toMatchObject({ email: nadia.user.email, role: 'parent' });
			expect(await profileOf(user.id)).toEqual({
				role: 'parent',
				first_name: 'Nadia',
				last_name: 'Benali',
				phone: '+33 6 12 34 56 78',
				locale: 'en'
			});
			expect(await request(jar).user()).toMatchObject({ id: user.id });
			expect(await asUser(user.claims)).toEqual({ id: user.id, role: 'parent' });
			await expect(request(new CookieJar()).signUp(form)).rejects.toMatchObject({
				code: 'EMAIL_TAKEN'
			});
		}
	);

	behaviour('a parent adds a child: a student account of their family', 'add-child', async () => {
		const parent: AppUser = {
			id: claire.user.id,
			email: claire.user.email,
			role: 'parent',
			claims: { sub: claire.user.id, role: 'authenticated', session_id: crypto.randomUUID() }
		};
		const child = {
			email: emma.user.email,
			password: emma.password!,
			firstName: 'Emma',
			lastName: 'Martin'
		};
		const { studentId } = await home.provider.createChildAccount(parent, child);
		expect(await profileOf(studentId)).toMatchObject({
			role: 'student',
			first_name: 'Emma',
			last_name: 'Martin'
		});
		const [links] = await home.sql<{ family: number; account: number }[]>`
			select (select count(*)::int from public.parent_students
					where parent_id = ${claire.user.id} and student_id = ${studentId}) as family,
				(select count(*)::int from public.credit_accounts where student_id = ${studentId}) as account`;
		expect(links).toEqual({ family: 1, account: 1 });

		await expect(
			home.provider.createChildAccount(
				{ ...parent, role: 'student' },
				{ ...child, email: 'x@contract.test' }
			)
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(
			home.provider.createChildAccount(parent, { ...child, email: claire.user.email })
		).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
	});

	behaviour(
		'a reset link sets the new password once, signs in, and ends every other session',
		'reset',
		async () => {
			const elsewhere = await request(new CookieJar()).signIn(paul.user.email, paul.password!);
			expect(await home.provider.startPasswordReset(UNKNOWN, RESET_PAGE)).toBeNull();
			const token = home.mailedToken(
				'reset',
				await home.provider.startPasswordReset(paul.user.email, RESET_PAGE)
			);

			const jar = new CookieJar();
			const user = await request(jar).completePasswordReset(token, NEW_PASSWORD);
			expect(user).toMatchObject({ id: paul.user.id, role: 'parent' });
			expect(await request(jar).user()).toMatchObject({ id: paul.user.id });
			expect(await asUser(user.claims)).toEqual({ id: paul.user.id, role: 'parent' });
			await expectSessionEnded(elsewhere.claims);

			await expect(
				request(new CookieJar()).completePasswordReset(token, 'encore-un-autre-1')
			).rejects.toMatchObject({
				code: 'INVALID_RESET_LINK'
			});
			expect(await request(new CookieJar()).signIn(paul.user.email, NEW_PASSWORD)).toMatchObject({
				id: paul.user.id
			});
			await expect(
				request(new CookieJar()).signIn(paul.user.email, paul.password!)
			).rejects.toMatchObject({
				code: 'INVALID_CREDENTIALS'
			});
		}
	);

	behaviour(
		'a sign-in link signs in once, and an unknown address gets none (nor an account)',
		'magic-link',
		async () => {
			expect(await home.provider.startMagicLink(UNKNOWN, LINK_PAGE)).toBeNull();
			const token = home.mailedToken(
				'signIn',
				await home.provider.startMagicLink(ines.user.email, LINK_PAGE)
			);

			const jar = new CookieJar();
			const user = await request(jar).completeMagicLink(token);
			expect(user).toMatchObject({ id: ines.user.id, role: 'parent' });
			expect(await request(jar).user()).toMatchObject({ id: ines.user.id });
			expect(await asUser(user.claims)).toEqual({ id: ines.user.id, role: 'parent' });

			await expect(request(new CookieJar()).completeMagicLink(token)).rejects.toMatchObject({
				code: 'INVALID_SIGN_IN_LINK'
			});
			const [unknown] = await home.sql<{ n: number }[]>`
			select count(*)::int as n from auth.users where email = ${UNKNOWN}`;
			expect(unknown!.n).toBe(0);
		}
	);

	behaviour(
		'a link mailed over an hour ago is refused, and signs nobody in',
		'expired-links',
		async () => {
			const reset = await home.expiredToken('reset', paul.user.email);
			const jar = new CookieJar();
			await expect(
				request(jar).completePasswordReset(reset, 'encore-un-autre-1')
			).rejects.toMatchObject({
				code: 'INVALID_RESET_LINK'
			});
			const link = await home.expiredToken('signIn', ines.user.email);
			await expect(request(jar).completeMagicLink(link)).rejects.toMatchObject({
				code: 'INVALID_SIGN_IN_LINK'
			});
			expect(sessionCookies(jar)).toEqual([]);
		}
	);
});

describe('the Supabase adapter on its own', () => {
	let home: Home;
	beforeAll(async () => {
		home = await supabaseHome();
	});
	afterAll(() => home?.close());
	afterEach(() => home.done());

	it('removes a child account again when it cannot join the family', async () => {
		home.exchanges('add-child-undone');
		// A parent whose profile does not exist: the family link fails its foreign key.
		const stranger: AppUser = {
			id: crypto.randomUUID(),
			email: 'inconnu@contract.test',
			role: 'parent',
			claims: { sub: 'x', role: 'authenticated', session_id: crypto.randomUUID() }
		};
		await expect(
			home.provider.createChildAccount(stranger, {
				email: emma.user.email,
				password: emma.password!,
				firstName: 'Emma',
				lastName: 'Martin'
			})
		).rejects.toThrow(/parent_students/);
		const [left] = await home.sql<{ n: number }[]>`
			select count(*)::int as n from auth.users where email = ${emma.user.email}`;
		expect(left!.n).toBe(0);
	});

	it('the replay fails a test on a request it did not expect', async () => {
		const replay = await startGoTrueReplay(home.sql);
		try {
			replay.expect('wrong-password');
			await fetch(`${replay.url}/auth/v1/token?grant_type=password`, {
				method: 'POST',
				body: JSON.stringify({ email: 'someone@else.test', password: 'x' })
			});
			expect(() => replay.done()).toThrow(/unexpected request/);
		} finally {
			await replay.close();
		}
	});
});
