import { createServerClient } from '@supabase/ssr';
import type { Session, SupabaseClient } from '@supabase/supabase-js';
import type { Cookies } from '@sveltejs/kit';
import { expiredSessionCookies, rememberSessionEnded, takeSessionEnded } from './cookies';
import { STATELESS, appUserFromClaims, isRefusal } from './supabase-claims';
import { AuthError, type AppUser, type BrowserSession, type ParentSignUp } from './types';

/** What a browser's Supabase session needs from the adapter. */
export interface SupabaseSessions {
	url: string;
	publishableKey: string;
	passwordGrant(client: SupabaseClient, email: string, password: string): Promise<Session>;
	stateless(): SupabaseClient;
	verify(token: string): Promise<AppUser | null>;
}

/**
 * The cookie `@supabase/ssr` keeps the session under (chunked as `<name>.0`, `<name>.1` … when
 * long): the name Supabase's own helpers use by default, set here so the app knows it.
 */
export const sessionCookieName = (url: string) =>
	`sb-${new URL(url).hostname.split('.')[0]}-auth-token`;

/**
 * A browser's Supabase session, through `@supabase/ssr`'s server client made for this request
 * over SvelteKit's cookies (getAll/setAll). The cookies are only ever read by the server, so
 * they are httpOnly (the library's default leaves them readable to a browser client), SameSite
 * Lax, Secure over https; `security-headers.ts` already marks any answer setting one no-store.
 */
export function supabaseBrowserSession(
	supabase: SupabaseSessions,
	cookies: Cookies,
	secure: boolean
): BrowserSession {
	const name = sessionCookieName(supabase.url);
	const attributes = { path: '/', httpOnly: true, sameSite: 'lax', secure } as const;
	const client = createServerClient(supabase.url, supabase.publishableKey, {
		realtime: STATELESS.realtime,
		cookieOptions: { name, ...attributes },
		cookies: {
			// A cookie deleted earlier in this request reads as '': it is gone, not a chunk.
			getAll: () => cookies.getAll().filter((cookie) => cookie.value !== ''),
			setAll(written) {
				for (const { name: cookie, value, options } of written)
					cookies.set(cookie, value, { maxAge: options.maxAge, ...attributes });
			}
		}
	});
	const sessionCookies = () =>
		cookies
			.getAll()
			.filter((c) => c.value !== '' && (c.name === name || c.name.startsWith(`${name}.`)))
			.map((c) => c.name);

	let current: Promise<AppUser | null> | undefined;
	/** A session GoTrue just issued (already in the cookies): the person it signs in. */
	async function keep(session: Session | null) {
		const user = session ? await supabase.verify(session.access_token) : null;
		if (!user) throw new Error('Supabase Auth issued an access token the app cannot use');
		takeSessionEnded(cookies);
		current = Promise.resolve(user);
		return user;
	}

	async function fromCookies() {
		if (sessionCookies().length === 0) return null;
		// Verifies the access token against the project's keys; an expired one is renewed with
		// the refresh token first (GoTrue rotates it), the new session written through setAll.
		const { data } = await client.auth.getClaims();
		const user = data?.claims ? appUserFromClaims(data.claims) : null;
		if (user) return user;
		// The library removes the session when GoTrue refuses its refresh token (signed out
		// elsewhere, revoked); a failure to reach GoTrue leaves it for the next request.
		if (sessionCookies().length === 0) rememberSessionEnded(cookies, secure);
		return null;
	}

	/** A one-time link's token_hash, verified: GoTrue spends it and opens a session. */
	async function verifyLink(token: string, type: 'recovery' | 'email', refused: AuthError) {
		const { data, error } = await client.auth.verifyOtp({ token_hash: token, type });
		if (isRefusal(error)) throw refused;
		if (error || !data.session) throw error ?? new Error('Supabase Auth returned no session');
		return data.session;
	}

	const user = () => (current ??= fromCookies());

	return {
		user,

		async accessToken(renewWithinSeconds) {
			// user() verified the token's claims (and renewed an expired session) first.
			if (!(await user())) return null;
			let session = (await client.auth.getSession()).data.session;
			if (session && (session.expires_at ?? 0) - Date.now() / 1000 < renewWithinSeconds)
				session = (await client.auth.refreshSession()).data.session;
			return session?.expires_at
				? { token: session.access_token, expiresAt: session.expires_at }
				: null;
		},

		signIn: async (email, password) => keep(await supabase.passwordGrant(client, email, password)),

		async signUp(input: ParentSignUp) {
			// Through a client without storage: the server client's PKCE flow would leave a
			// code-verifier cookie that nothing reads (with confirmations off, GoTrue answers the
			// sign-up with a session at once); the browser then adopts that session.
			const { data, error } = await supabase.stateless().auth.signUp({
				email: input.email,
				password: input.password,
				// What private.handle_new_auth_user reads into the profile.
				options: {
					data: {
						first_name: input.firstName,
						last_name: input.lastName,
						phone: input.phone ?? undefined,
						locale: input.locale
					}
				}
			});
			if (error?.code === 'user_already_exists' || error?.code === 'email_exists')
				throw new AuthError('EMAIL_TAKEN', 'An account already uses this email address');
			if (error?.code === 'weak_password')
				throw new AuthError('PASSWORD_REFUSED', 'Supabase Auth refused this password');
			if (error) throw error;
			if (!data.session)
				throw new Error(
					'Supabase Auth answered the sign-up without a session: turn off "Confirm email" (README, Deploy, step 2)'
				);
			const adopted = await client.auth.setSession(data.session);
			if (adopted.error) throw adopted.error;
			return keep(adopted.data.session);
		},

		async signOut() {
			// scope local: GoTrue deletes this session's auth.sessions row (its refresh tokens go
			// with it), so every copy of its access token fails private.assert_live_session.
			if (sessionCookies().length) {
				const { error } = await client.auth.signOut({ scope: 'local' });
				if (error) throw error;
			}
			takeSessionEnded(cookies);
			current = Promise.resolve(null);
		},

		async completePasswordReset(token, password) {
			const refused = new AuthError('INVALID_RESET_LINK', 'This reset link is invalid or expired');
			const session = await verifyLink(token, 'recovery', refused);
			const { error } = await client.auth.updateUser({ password });
			// The same password as before: the account already has the one chosen.
			if (error && error.code !== 'same_password') {
				// The link is spent either way; no half-done recovery session is left behind.
				await client.auth.signOut({ scope: 'local' });
				if (error.code === 'weak_password')
					throw new AuthError('PASSWORD_REFUSED', 'Supabase Auth refused this password');
				throw error;
			}
			// GoTrue ends the other sessions when the password changes, not when it stays the
			// same: asked explicitly, it holds either way.
			const others = await client.auth.signOut({ scope: 'others' });
			if (others.error) throw others.error;
			return keep(session);
		},

		async completeMagicLink(token) {
			const refused = new AuthError(
				'INVALID_SIGN_IN_LINK',
				'This sign-in link is invalid or expired'
			);
			return keep(await verifyLink(token, 'email', refused));
		},

		endedCookies: () => expiredSessionCookies(secure, sessionCookies())
	};
}
