import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import type { Sql } from 'postgres';

/**
 * Supabase Auth (GoTrue) answering from recordings: an in-process HTTP server that expects,
 * in order, the requests a recording lists (method, path, query, API key, bearer, JSON body)
 * and gives the answers GoTrue documents (openapi.yaml of supabase/auth; POST /admin/users,
 * which it omits, as internal/api/admin.go answers). Anything else is a failure `done()`
 * reports, so an adapter that asks GoTrue something else fails its test.
 *
 * Two things cannot be stored as they are on the wire, so the recordings name them:
 * - access tokens, signed when served (ES256, a key made for the run, whose JWKS this server
 *   publishes at /auth/v1/.well-known/jwks.json, so `getClaims()` verifies them locally). Their
 *   claims are GoTrue's, passed through the migrations' own public.custom_access_token_hook
 *   in the test database, as GoTrue does before signing: `{"$jwt": {"user", "session_id"}}`;
 * - what GoTrue writes in the project's database, which is the app's too (`gotrue_writes`):
 *   users, and the auth.sessions rows sign-out deletes, applied before the answer.
 * `{"$user": name}` is that account's user object (UserSchema), kept once in accounts.json.
 */

export interface Account {
	/** Already signed up when a test starts (written as GoTrue wrote it then). */
	exists?: boolean;
	password?: string;
	/** GoTrue's UserSchema, as its answers carry it. */
	user: {
		id: string;
		email: string;
		app_metadata: Record<string, unknown>;
		user_metadata: Record<string, unknown>;
		[field: string]: unknown;
	};
}

type Bearer = 'key' | { session_id: string; user: string };
type Write =
	| { insert_user: string }
	| { open_session: { id: string; user: string } }
	| { end_session: string }
	| { end_other_sessions: { keep: string } }
	| { delete_user: string };

interface Exchange {
	request: {
		method: string;
		path: string;
		query?: Record<string, string>;
		key?: 'publishable' | 'secret';
		bearer?: Bearer;
		body?: unknown;
	};
	response: { status: number; body?: unknown };
	gotrue_writes?: Write[];
}

export interface Recording {
	about: string;
	exchanges: Exchange[];
	/** The token hash GoTrue put in the mail it sent (its link), by kind of link. */
	mailed?: Record<string, string>;
	/** A token hash GoTrue answers `otp_expired` for, by kind of link. */
	expired?: Record<string, string>;
}

const HERE = path.dirname(new URL(import.meta.url).pathname);
const readJson = <T>(file: string): T =>
	JSON.parse(readFileSync(path.join(HERE, 'recordings', file), 'utf8')) as T;

export const ACCOUNTS = readJson<Record<string, Account>>('accounts.json');
export const loadRecording = (name: string) => readJson<Recording>(`${name}.json`);

const ACCESS_TOKEN_TTL = 3600;
const KID = 'contract-test-key';

export const KEYS = {
	publishable: 'sb_publishable_contract_test_0123456789',
	secret: 'sb_secret_contract_test_0123456789abcdef'
};

/** Insert an account's auth.users row as GoTrue does: the app metadata it asked for second. */
export async function writeGoTrueUser(
	sql: Sql,
	account: Account,
	metadata: { user: Record<string, unknown>; app?: Record<string, unknown> }
) {
	const { id, email } = account.user;
	await sql`insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at,
			raw_app_meta_data, raw_user_meta_data)
		values (${id}, 'authenticated', 'authenticated', ${email},
			extensions.crypt(${account.password ?? 'unused'}, extensions.gen_salt('bf', 4)), now(),
			${sql.json({ provider: 'email', providers: ['email'] })}, ${sql.json(metadata.user as never)})`;
	if (metadata.app)
		await sql`update auth.users
			set raw_app_meta_data = raw_app_meta_data || ${sql.json(metadata.app as never)}
			where id = ${id}`;
}

export async function startGoTrueReplay(sql: Sql) {
	const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
	const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: 'ES256', use: 'sig' }] };
	let pending: Exchange[] = [];
	let current: Recording | null = null;
	const failures: string[] = [];
	let base = '';

	const server: Server = createServer((req, res) => {
		void answer(req).then(
			({ status, body }) => {
				res.writeHead(status, {
					'content-type': 'application/json',
					// GoTrue echoes the API version auth-js asks for (2024-01-01 error shapes).
					'x-supabase-api-version': '2024-01-01'
				});
				res.end(body === undefined ? undefined : JSON.stringify(body));
			},
			(error: Error) => {
				failures.push(`replay error: ${error.stack ?? error.message}`);
				res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ code: 'unexpected_failure', message: error.message }));
			}
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	async function answer(req: IncomingMessage): Promise<{ status: number; body?: unknown }> {
		const raw = await new Promise<string>((resolve) => {
			let text = '';
			req.on('data', (chunk) => (text += chunk));
			req.on('end', () => resolve(text));
		});
		const url = new URL(req.url ?? '/', base);
		if (req.method === 'GET' && url.pathname === '/auth/v1/.well-known/jwks.json')
			return { status: 200, body: jwks };
		const seen = `${req.method} ${url.pathname}${url.search} ${raw}`;
		const expected = pending.shift();
		const mismatch = expected
			? await mismatchOf(expected, req, url, raw)
			: 'no request was expected';
		if (mismatch) {
			failures.push(`unexpected request (${mismatch}): ${seen}`);
			return { status: 500, body: { code: 'unexpected_request', message: mismatch } };
		}
		for (const write of expected!.gotrue_writes ?? []) await apply(write, raw);
		return {
			status: expected!.response.status,
			body:
				expected!.response.body === undefined ? undefined : await render(expected!.response.body)
		};
	}

	async function mismatchOf(expected: Exchange, req: IncomingMessage, url: URL, raw: string) {
		const want = expected.request;
		const wanted = `${want.method} ${want.path}`;
		if (req.method !== want.method || url.pathname !== want.path) return `expected ${wanted}`;
		if (!isDeepStrictEqual(Object.fromEntries(url.searchParams), want.query ?? {}))
			return `${wanted}: expected the query ${JSON.stringify(want.query ?? {})}`;
		const key = KEYS[want.key ?? 'publishable'];
		if (req.headers.apikey !== key)
			return `${wanted}: expected the ${want.key ?? 'publishable'} key`;
		const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
		if (want.bearer === 'key' || want.bearer === undefined) {
			if (bearer !== key) return `${wanted}: expected the API key as bearer`;
		} else {
			const claims = bearer
				? await jwtVerify(bearer, publicKey).then(
						(r) => r.payload,
						() => null
					)
				: null;
			const user = ACCOUNTS[want.bearer.user]!.user.id;
			if (claims?.session_id !== want.bearer.session_id || claims?.sub !== user)
				return `${wanted}: expected an access token of session ${want.bearer.session_id}`;
		}
		const body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
		if (!isDeepStrictEqual(body, want.body))
			return `${wanted}: expected the body ${JSON.stringify(want.body)}`;
		return null;
	}

	async function apply(write: Write, raw: string) {
		if ('insert_user' in write) {
			// What the request carried is what GoTrue stores: sign-up's `data`, the admin
			// API's user_metadata and app_metadata.
			const body = JSON.parse(raw) as Record<string, Record<string, unknown> | undefined>;
			await writeGoTrueUser(sql, ACCOUNTS[write.insert_user]!, {
				user: body.data ?? body.user_metadata ?? {},
				app: body.app_metadata
			});
		} else if ('open_session' in write) {
			await sql`insert into auth.sessions (id, user_id, aal)
				values (${write.open_session.id}, ${ACCOUNTS[write.open_session.user]!.user.id}, 'aal1')`;
		} else if ('end_session' in write) {
			await sql`delete from auth.sessions where id = ${write.end_session}`;
		} else if ('end_other_sessions' in write) {
			await sql`delete from auth.sessions where id <> ${write.end_other_sessions.keep}
				and user_id = (select user_id from auth.sessions where id = ${write.end_other_sessions.keep})`;
		} else {
			await sql`delete from auth.users where id = ${ACCOUNTS[write.delete_user]!.user.id}`;
		}
	}

	async function render(value: unknown): Promise<unknown> {
		if (value === '$expires_at') return Math.floor(Date.now() / 1000) + ACCESS_TOKEN_TTL;
		if (Array.isArray(value)) return Promise.all(value.map(render));
		if (!value || typeof value !== 'object') return value;
		const object = value as Record<string, unknown>;
		if ('$user' in object) return ACCOUNTS[object.$user as string]!.user;
		if ('$jwt' in object) return sign(object.$jwt as { user: string; session_id: string });
		const entries = await Promise.all(
			Object.entries(object).map(async ([k, v]) => [k, await render(v)] as const)
		);
		return Object.fromEntries(entries);
	}

	/** An access token as GoTrue makes one: its claims, then the hook's, then the signature. */
	async function sign(token: { user: string; session_id: string }) {
		const { user } = ACCOUNTS[token.user]!;
		const now = Math.floor(Date.now() / 1000);
		const [row] = await sql<{ app: unknown; meta: unknown }[]>`
			select raw_app_meta_data as app, raw_user_meta_data as meta
			from auth.users where id = ${user.id}`;
		const claims = {
			iss: `${base}/auth/v1`,
			sub: user.id,
			aud: 'authenticated',
			exp: now + ACCESS_TOKEN_TTL,
			iat: now,
			email: user.email,
			phone: '',
			app_metadata: row?.app ?? user.app_metadata,
			user_metadata: row?.meta ?? user.user_metadata,
			role: 'authenticated',
			aal: 'aal1',
			amr: [{ method: 'password', timestamp: now }],
			session_id: token.session_id,
			is_anonymous: false
		};
		const [hooked] = await sql<{ event: { claims: Record<string, unknown> } }[]>`
			select public.custom_access_token_hook(${sql.json({
				user_id: user.id,
				claims,
				authentication_method: 'password'
			} as never)}) as event`;
		return new SignJWT(hooked!.event.claims)
			.setProtectedHeader({ alg: 'ES256', kid: KID, typ: 'JWT' })
			.sign(privateKey as CryptoKey);
	}

	return {
		url: base,
		/** Serve this recording next (the previous one must be done). */
		expect(name: string) {
			current = loadRecording(name);
			pending = [...current.exchanges];
			return current;
		},
		/** Fails with every unexpected request, and with every expected one never made. */
		done() {
			const left = pending.map((e) => `never requested: ${e.request.method} ${e.request.path}`);
			const all = [...failures.splice(0), ...left];
			pending = [];
			current = null;
			if (all.length) throw new Error(`GoTrue replay:\n${all.join('\n')}`);
		},
		/** A token made with another key than the project's: never to be accepted. */
		async forgedToken(claims: Record<string, unknown>) {
			const other = await generateKeyPair('ES256');
			return new SignJWT(claims)
				.setProtectedHeader({ alg: 'ES256', kid: KID, typ: 'JWT' })
				.setExpirationTime('1h')
				.sign(other.privateKey);
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
