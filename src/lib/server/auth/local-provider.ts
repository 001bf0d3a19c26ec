import { createHash, randomBytes, randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Sql } from 'postgres';
import type { UserRole } from '$lib/core/roles';
import { runAsService, type Tx } from '../db/as-user';
import { ACCESS_TOKEN_TTL_SECONDS, createTokenSigner } from './jwt';
import { localBrowserSession, type LocalSessions } from './local-browser-session';
import {
	AuthError,
	MAGIC_LINK_TTL_SECONDS,
	RESET_TOKEN_TTL_SECONDS,
	type AppUser,
	type IdentityProvider,
	type IssuedSession,
	type ParentSignUp
} from './types';

const BCRYPT_COST = 10;
// Compared against when the email is unknown, so both paths cost one bcrypt.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', BCRYPT_COST);

/** How long a just-rotated refresh token may still be used (GoTrue's default is 10 s). */
const REUSE_INTERVAL_SECONDS = 10;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The one-time links mailed by the app, in GoTrue's columns of `auth.users` (only a token's
 * SHA-256 is stored). A sign-in link uses the confirmation token: GoTrue's `type: 'email'`
 * verification also signs in with it, and local accounts are confirmed when created, so the
 * column is free; a reset link and a sign-in link never spend each other.
 */
const LINKS = {
	reset: { token: 'recovery_token', sentAt: 'recovery_sent_at', ttl: RESET_TOKEN_TTL_SECONDS },
	signIn: {
		token: 'confirmation_token',
		sentAt: 'confirmation_sent_at',
		ttl: MAGIC_LINK_TTL_SECONDS
	}
} as const;
type Link = (typeof LINKS)[keyof typeof LINKS];

interface UserRow {
	id: string;
	email: string;
	role: UserRole;
	encrypted_password: string | null;
}

/**
 * Identity for the embedded default: GoTrue-shaped `auth.users` with bcrypt
 * hashes, HS256 access tokens (jose) and rotating refresh tokens stored as
 * hashes in `auth.refresh_tokens`. Runs on the service path: it is the
 * identity provider, acting before there is a signed-in user. A browser holds
 * its session in two cookies (nexus_access, nexus_refresh).
 */
export function createLocalIdentityProvider(
	getSql: () => Promise<Sql>,
	jwtSecret: string
): IdentityProvider {
	const signer = createTokenSigner(jwtSecret);
	const service = async <T>(fn: (tx: Tx) => Promise<T>) => runAsService(await getSql(), fn);

	/** A new sign-in session: the row every token of it names (`session_id`) and is checked against. */
	async function startSession(tx: Tx, userId: string): Promise<string> {
		const [row] = await tx<{ id: string }[]>`
			insert into auth.sessions (id, user_id) values (${randomUUID()}, ${userId}) returning id`;
		return row!.id;
	}

	async function issue(
		tx: Tx,
		user: UserRow,
		sessionId: string,
		parent: string | null
	): Promise<IssuedSession> {
		const refreshToken = randomBytes(32).toString('base64url');
		await tx`insert into auth.refresh_tokens (token, user_id, session_id, parent)
			values (${hashToken(refreshToken)}, ${user.id}, ${sessionId}, ${parent})`;
		const accessToken = await signer.sign(user, sessionId);
		const appUser = await signer.verify(accessToken);
		if (!appUser) throw new Error('freshly signed token failed verification');
		return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user: appUser };
	}

	async function createUser(
		tx: Tx,
		input: {
			email: string;
			password: string;
			role: UserRole;
			meta: Record<string, string | undefined>;
		}
	) {
		const hash = await hashPassword(input.password);
		try {
			const [row] = await tx<UserRow[]>`
				insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
				values (${randomUUID()}, ${input.email.toLowerCase()}, ${hash}, now(),
					${tx.json({ provider: 'email', role: input.role })}, ${tx.json(input.meta)})
				returning id, email, ${input.role}::public.user_role as role, encrypted_password`;
			return row!;
		} catch (error) {
			if ((error as { code?: string }).code === '23505') {
				throw new AuthError('EMAIL_TAKEN', 'An account already uses this email address');
			}
			throw error;
		}
	}

	async function hashPassword(password: string) {
		// The schemas refuse these (PASSWORD_MAX_BYTES); bcrypt would silently drop the excess.
		if (bcrypt.truncates(password)) throw new Error('A password over 72 bytes got through');
		return bcrypt.hash(password, BCRYPT_COST);
	}

	/** Put a new link's digest on the account, if one uses the address; the token is mailed. */
	async function stampLink(link: Link, email: string) {
		return service(async (tx) => {
			// Only the token's digest is stored: whoever reads the table cannot use it.
			const token = randomBytes(32).toString('base64url');
			const [user] = await tx<{ id: string }[]>`
				update auth.users set ${tx(link.token)} = ${hashToken(token)}, ${tx(link.sentAt)} = now()
				where email = ${email.trim().toLowerCase()} and deleted_at is null
					and (banned_until is null or banned_until < now())
				returning id`;
			return user ? { token, userId: user.id } : null;
		});
	}

	/** Spend a link within its lifetime, in one statement (a second use finds nothing). */
	async function spendLink(tx: Tx, link: Link, token: string, also = tx``) {
		const [user] = await tx<UserRow[]>`
			update auth.users u set ${tx(link.token)} = null, ${tx(link.sentAt)} = null,
				updated_at = now() ${also}
			from public.profiles p
			where p.id = u.id and u.${tx(link.token)} = ${hashToken(token)}
				and u.${tx(link.sentAt)} > now() - make_interval(secs => ${link.ttl})
				and u.deleted_at is null and (u.banned_until is null or u.banned_until < now())
			returning u.id, u.email, p.role, null as encrypted_password`;
		return user;
	}

	async function signInWithPassword(email: string, password: string) {
		return service(async (tx) => {
			const [user] = await tx<UserRow[]>`
				select u.id, u.email, p.role, u.encrypted_password
				from auth.users u join public.profiles p on p.id = u.id
				where u.email = ${email.trim().toLowerCase()} and u.deleted_at is null
					and (u.banned_until is null or u.banned_until < now())`;
			const ok = await bcrypt.compare(password, user?.encrypted_password ?? DUMMY_HASH);
			if (!user || !ok) throw new AuthError('INVALID_CREDENTIALS', 'Invalid email or password');
			await tx`update auth.users set last_sign_in_at = now() where id = ${user.id}`;
			return issue(tx, user, await startSession(tx, user.id), null);
		});
	}

	async function refresh(refreshToken: string) {
		return service(async (tx) => {
			// Only a token of a live session (not signed out, not past not_after) counts.
			const [row] = await tx<
				{ id: number; user_id: string; session_id: string; revoked: boolean; recent: boolean }[]
			>`
				select t.id, t.user_id, t.session_id, t.revoked,
					t.updated_at > now() - make_interval(secs => ${REUSE_INTERVAL_SECONDS}) as recent
				from auth.refresh_tokens t
				join auth.sessions s on s.id = t.session_id
				where t.token = ${hashToken(refreshToken)}
					and (s.not_after is null or s.not_after > now())
				for update of t`;
			if (!row) return null;
			// Parallel requests of one page may all carry the same expired access token and
			// refresh at once: as with GoTrue's reuse interval, a token rotated seconds ago still
			// works. Later, a rotated token coming back means it leaked: end the whole session,
			// which also ends every access token already issued for it.
			if (row.revoked && !row.recent) {
				await tx`delete from auth.sessions where id = ${row.session_id}`;
				return null;
			}
			// The reuse window starts at the first rotation only.
			await tx`update auth.refresh_tokens set revoked = true, updated_at = now()
				where id = ${row.id} and not revoked`;
			await tx`update auth.sessions set refreshed_at = now(), updated_at = now()
				where id = ${row.session_id}`;
			const [user] = await tx<UserRow[]>`
				select u.id, u.email, p.role, null as encrypted_password
				from auth.users u join public.profiles p on p.id = u.id
				where u.id = ${row.user_id} and u.deleted_at is null`;
			return user ? issue(tx, user, row.session_id, hashToken(refreshToken)) : null;
		});
	}

	async function endSession({
		refreshToken,
		sessionId
	}: {
		refreshToken?: string;
		sessionId?: string;
	}) {
		// Deleting the session takes its refresh tokens with it (on delete cascade) and
		// makes every access token naming it fail private.assert_live_session.
		await service(
			(tx) => tx`delete from auth.sessions
				where id = ${sessionId ?? null}::uuid
					or id = (select session_id from auth.refresh_tokens
						where token = ${refreshToken ? hashToken(refreshToken) : null})`
		);
	}

	const sessions: LocalSessions = {
		signInWithPassword,
		refresh,
		endSession,
		signUp: (input: ParentSignUp) =>
			service(async (tx) => {
				const user = await createUser(tx, {
					email: input.email,
					password: input.password,
					role: 'parent',
					meta: {
						first_name: input.firstName,
						last_name: input.lastName,
						phone: input.phone ?? undefined,
						locale: input.locale
					}
				});
				return issue(tx, user, await startSession(tx, user.id), null);
			}),
		async completePasswordReset(token: string, password: string) {
			const hash = await hashPassword(password);
			return service(async (tx) => {
				const user = await spendLink(tx, LINKS.reset, token, tx`, encrypted_password = ${hash}`);
				if (!user)
					throw new AuthError('INVALID_RESET_LINK', 'This reset link is invalid, used or expired');
				// Every session ends (and with it every access token naming one).
				await tx`delete from auth.sessions where user_id = ${user.id}`;
				return issue(tx, user, await startSession(tx, user.id), null);
			});
		},
		completeMagicLink: (token: string) =>
			service(async (tx) => {
				const user = await spendLink(tx, LINKS.signIn, token, tx`, last_sign_in_at = now()`);
				if (!user)
					throw new AuthError(
						'INVALID_SIGN_IN_LINK',
						'This sign-in link is invalid, used or expired'
					);
				return issue(tx, user, await startSession(tx, user.id), null);
			}),
		verify: (token: string) => signer.verify(token)
	};

	return {
		kind: 'local',
		forRequest: (cookies, { secure }) => localBrowserSession(sessions, cookies, secure),
		signInWithPassword,
		verifyAccessToken: (token) => signer.verify(token),
		refresh,
		startPasswordReset: (email) => stampLink(LINKS.reset, email),
		startMagicLink: (email) => stampLink(LINKS.signIn, email),

		async createChildAccount(parent: AppUser, input) {
			if (parent.role !== 'parent')
				throw new AuthError('FORBIDDEN', 'Only a parent can add a child');
			return service(async (tx) => {
				const child = await createUser(tx, {
					email: input.email,
					password: input.password,
					role: 'student',
					meta: { first_name: input.firstName, last_name: input.lastName }
				});
				await tx`insert into public.parent_students (parent_id, student_id) values (${parent.id}, ${child.id})`;
				return { studentId: child.id };
			});
		}
	};
}
