import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAppServer } from '../support/app-server';
import { adminSql, makeUser } from '../support/db';

/**
 * Brute-force limits against two real servers on one database (the counters are in
 * PostgreSQL, so they add up across servers). The servers take the client address from
 * X-Forwarded-For (ADDRESS_HEADER), so each test speaks from its own documentation address.
 */
let sql: Sql;
let servers: Awaited<ReturnType<typeof startAppServer>>[];
beforeAll(async () => {
	sql = adminSql(2);
	const env = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };
	servers = await Promise.all([
		startAppServer(inject('databaseUrl'), env),
		startAppServer(inject('databaseUrl'), env)
	]);
});
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	await sql.end();
});

const PASSWORD = 'rate-limit-password-1';
let nextAddress = 0;
/** A client address no other test uses (TEST-NET-3, then IPv6 documentation space). */
const freshAddress = () => `203.0.113.${++nextAddress}`;

/** A parent with a password, as the account under attack. */
async function account(): Promise<string> {
	const id = await makeUser(sql, 'parent');
	const [row] = await sql<{ email: string }[]>`
		update auth.users set encrypted_password = extensions.crypt(${PASSWORD}, extensions.gen_salt('bf', 4))
		where id = ${id} returning email`;
	return row!.email;
}

/** POST /api/auth/token on server `n % 2`, from `address`. */
async function tokenGrant(n: number, address: string, email: string, password: string) {
	const res = await fetch(`${servers[n % 2]!.url}/api/auth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
		body: JSON.stringify({ email, password })
	});
	return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

/** A form action as a browser without JavaScript posts it (French page). */
async function postForm(n: number, address: string, path: string, fields: Record<string, string>) {
	const url = servers[n % 2]!.url;
	const res = await fetch(`${url}${path}`, {
		method: 'POST',
		headers: {
			origin: url,
			accept: 'text/html',
			'accept-language': 'fr-FR',
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': address
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	return {
		status: res.status,
		retryAfter: res.headers.get('retry-after'),
		cookie: res.headers
			.getSetCookie()
			.map((c) => c.split(';', 1)[0])
			.join('; '),
		text: await res.text()
	};
}

const login = (n: number, address: string, email: string, password: string) =>
	postForm(n, address, '/login', { email, password, next: '/' });

describe('failed sign-ins per account', () => {
	it('allow 10 wrong passwords, then refuse even the right one with 429 and Retry-After', async () => {
		const email = await account();
		const address = freshAddress();
		// Alternating the JSON API and the /login form, and the two servers: one count.
		for (let n = 0; n < 10; n++) {
			const res =
				n % 2
					? await tokenGrant(n, address, email, 'wrong-password')
					: await login(n, address, email, 'wrong-password');
			expect(res.status).toBe(n % 2 ? 401 : 400);
		}
		const api = await tokenGrant(0, address, email, PASSWORD);
		expect(api.status).toBe(429);
		expect(api.body).toEqual({
			error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many attempts/) }
		});
		expect(Number(api.retryAfter)).toBeGreaterThan(0);
		expect(Number(api.retryAfter)).toBeLessThanOrEqual(900);

		const form = await login(1, address, email, PASSWORD);
		expect(form.status).toBe(429);
		expect(Number(form.retryAfter)).toBeGreaterThan(0);
		expect(form.text).toContain('Trop de tentatives de connexion. Réessayez dans');
		expect(form.cookie).not.toContain('nexus_access');

		// Per account: another address does not help…
		expect((await tokenGrant(1, freshAddress(), email, PASSWORD)).status).toBe(429);
		// …and once the window has ended (moved to the past here, not waited for) it works.
		await sql`update private.rate_limits set window_ends_at = now() - interval '1 second'
			where bucket like 'signin_account:%'`;
		expect((await tokenGrant(0, address, email, PASSWORD)).status).toBe(200);
	});

	it('count only failures: a right password starts the count again', async () => {
		const email = await account();
		const address = freshAddress();
		for (let n = 0; n < 9; n++) {
			expect((await tokenGrant(n, address, email, 'wrong-password')).status).toBe(401);
		}
		expect((await tokenGrant(0, address, email, PASSWORD)).status).toBe(200);
		for (let n = 0; n < 10; n++) {
			expect((await tokenGrant(n, address, email, 'wrong-password')).status).toBe(401);
		}
		expect((await tokenGrant(0, address, email, PASSWORD)).status).toBe(429);
	});

	it('hold under parallel guesses: 20 at once, exactly 10 reach the password check', async () => {
		const email = await account();
		const address = freshAddress();
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, n) => tokenGrant(n, address, email, `guess-${n}`))
		);
		const statuses = results.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 401)).toHaveLength(10);
		expect(statuses.filter((s) => s === 429)).toHaveLength(10);
	});
});

describe('failed sign-ins per client address', () => {
	it('allow 50 across any accounts, then refuse that address (only)', async () => {
		const address = freshAddress();
		for (let n = 0; n < 50; n++) {
			const res = await tokenGrant(n, address, `nobody.${randomUUID()}@example.fr`, 'guess');
			expect(res.status).toBe(401);
		}
		const email = await account();
		expect((await tokenGrant(0, address, email, PASSWORD)).status).toBe(429);
		expect((await tokenGrant(1, freshAddress(), email, PASSWORD)).status).toBe(200);
	});

	it('count an IPv6 client by its /64', async () => {
		const network = `2001:db8:9:${++nextAddress}`;
		for (let n = 0; n < 50; n++) {
			// Each guess from another address of the same /64.
			const res = await tokenGrant(
				n,
				`${network}::${n + 1}`,
				`x.${randomUUID()}@example.fr`,
				'guess'
			);
			expect(res.status).toBe(401);
		}
		const email = await account();
		expect((await tokenGrant(0, `${network}:ab:cd:ef:1`, email, PASSWORD)).status).toBe(429);
		expect((await tokenGrant(1, `2001:db8:9:${++nextAddress}::1`, email, PASSWORD)).status).toBe(
			200
		);
	});
});

describe('accounts created per client address', () => {
	it('allow 10 (sign-ups and children together), then answer 429 with a French message', async () => {
		const address = freshAddress();
		const stamp = randomUUID().slice(0, 8);
		const person = (name: string) => ({
			email: `${name}.${stamp}@example.fr`,
			password: 'un-mot-de-passe-solide',
			firstName: 'Inès',
			lastName: 'Lefèvre'
		});
		const signup = await postForm(0, address, '/signup', person('parent'));
		expect(signup.status).toBe(303);
		for (let n = 1; n < 10; n++) {
			const child = await fetch(`${servers[n % 2]!.url}/family?/addChild`, {
				method: 'POST',
				headers: {
					origin: servers[n % 2]!.url,
					accept: 'text/html',
					cookie: signup.cookie,
					'content-type': 'application/x-www-form-urlencoded',
					'x-forwarded-for': address
				},
				body: new URLSearchParams(person(`child${n}`)),
				redirect: 'manual'
			});
			expect(child.status).toBe(200);
		}
		const refused = await postForm(1, address, '/signup', person('eleventh'));
		expect(refused.status).toBe(429);
		expect(Number(refused.retryAfter)).toBeGreaterThan(0);
		expect(refused.text).toContain('Trop de comptes créés depuis cette connexion.');
		const [row] = await sql<{ n: number }[]>`
			select count(*)::int as n from auth.users where email like ${`%.${stamp}@example.fr`}`;
		expect(row?.n).toBe(10);

		// Another address still signs up.
		expect((await postForm(0, freshAddress(), '/signup', person('other'))).status).toBe(303);
	});

	it('do not count a form refused for its fields', async () => {
		const address = freshAddress();
		for (let n = 0; n < 12; n++) {
			const res = await postForm(n, address, '/signup', {
				email: 'not-an-email',
				password: 'short',
				firstName: '',
				lastName: ''
			});
			expect(res.status).toBe(400);
		}
		const ok = await postForm(0, address, '/signup', {
			email: `valid.${randomUUID().slice(0, 8)}@example.fr`,
			password: 'un-mot-de-passe-solide',
			firstName: 'Léa',
			lastName: 'Martin'
		});
		expect(ok.status).toBe(303);
	});
});
