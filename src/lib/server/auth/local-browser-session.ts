import type { Cookies } from '@sveltejs/kit';
import {
	ACCESS_COOKIE,
	REFRESH_COOKIE,
	clearSessionCookies,
	endedSessionCookies,
	expiredSessionCookies,
	setSessionCookies
} from './cookies';
import type { AppUser, BrowserSession, IssuedSession, ParentSignUp } from './types';

/** What the local adapter does with tokens, for a browser's cookies to carry. */
export interface LocalSessions {
	signInWithPassword(email: string, password: string): Promise<IssuedSession>;
	refresh(refreshToken: string): Promise<IssuedSession | null>;
	endSession(named: { refreshToken?: string; sessionId?: string }): Promise<void>;
	signUp(input: ParentSignUp): Promise<IssuedSession>;
	completePasswordReset(token: string, password: string): Promise<IssuedSession>;
	completeMagicLink(token: string): Promise<IssuedSession>;
	verify(token: string): Promise<AppUser | null>;
}

/**
 * A browser's local session: the access token in nexus_access (its lifetime) and the refresh
 * token in nexus_refresh; an expired access cookie is renewed with the refresh token, rotated.
 */
export function localBrowserSession(
	local: LocalSessions,
	cookies: Cookies,
	secure: boolean
): BrowserSession {
	let current: Promise<AppUser | null> | undefined;
	const keep = (session: IssuedSession) => {
		setSessionCookies(cookies, session, secure);
		current = Promise.resolve(session.user);
		return session.user;
	};

	async function fromCookies() {
		const access = cookies.get(ACCESS_COOKIE);
		const user = access ? await local.verify(access) : null;
		if (user) return user;
		const refresh = cookies.get(REFRESH_COOKIE);
		if (!refresh) return null;
		const renewed = await local.refresh(refresh);
		if (!renewed) {
			endedSessionCookies(cookies, secure);
			return null;
		}
		return keep(renewed);
	}

	const user = () => (current ??= fromCookies());

	return {
		user,
		async accessToken(renewWithinSeconds) {
			// user() verified the access cookie (or renewed it, writing the new one): its claims
			// are that token's.
			const signedIn = await user();
			const token = cookies.get(ACCESS_COOKIE);
			if (!signedIn || !token) return null;
			const expiresAt = Number(signedIn.claims.exp);
			if (expiresAt - Date.now() / 1000 >= renewWithinSeconds) return { token, expiresAt };
			const refresh = cookies.get(REFRESH_COOKIE);
			const renewed = refresh ? await local.refresh(refresh) : null;
			if (!renewed) {
				endedSessionCookies(cookies, secure);
				current = Promise.resolve(null);
				return null;
			}
			keep(renewed);
			return {
				token: renewed.accessToken,
				expiresAt: Math.floor(Date.now() / 1000) + renewed.expiresIn
			};
		},
		signIn: async (email, password) => keep(await local.signInWithPassword(email, password)),
		signUp: async (input) => keep(await local.signUp(input)),
		completePasswordReset: async (token, password) =>
			keep(await local.completePasswordReset(token, password)),
		completeMagicLink: async (token) => keep(await local.completeMagicLink(token)),
		async signOut() {
			// Either names the session; ending it ends every token of it, here and elsewhere.
			const refreshToken = cookies.get(REFRESH_COOKIE);
			const access = cookies.get(ACCESS_COOKIE);
			const sessionId = access ? (await local.verify(access))?.claims.session_id : undefined;
			if (refreshToken || sessionId) await local.endSession({ refreshToken, sessionId });
			clearSessionCookies(cookies);
			current = Promise.resolve(null);
		},
		endedCookies: () => expiredSessionCookies(secure)
	};
}
