import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';
import type { IssuedSession } from './types';

export const ACCESS_COOKIE = 'nexus_access';
export const REFRESH_COOKIE = 'nexus_refresh';
/**
 * Set when a session is found ended (signed out elsewhere, a replayed or expired refresh
 * token): whichever request learns it first, often a background one (the bell's poll), the
 * next sign-in page still says why the person must sign in again. Read and dropped there.
 */
export const ENDED_COOKIE = 'nexus_ended';
const ENDED_TTL_SECONDS = 60 * 60;
const REFRESH_TTL_SECONDS = 60 * 60 * 24 * 30;

const base = { path: '/', httpOnly: true, sameSite: 'lax', secure: !dev } as const;

export function setSessionCookies(cookies: Cookies, session: IssuedSession, secure = !dev) {
	cookies.set(ACCESS_COOKIE, session.accessToken, { ...base, secure, maxAge: session.expiresIn });
	cookies.set(REFRESH_COOKIE, session.refreshToken, {
		...base,
		secure,
		maxAge: REFRESH_TTL_SECONDS
	});
	takeSessionEnded(cookies);
}

export function clearSessionCookies(cookies: Cookies) {
	cookies.delete(ACCESS_COOKIE, { path: '/' });
	cookies.delete(REFRESH_COOKIE, { path: '/' });
	takeSessionEnded(cookies);
}

/** The session was ended without this browser signing out: forget it, and remember why. */
export function endedSessionCookies(cookies: Cookies, secure = !dev) {
	cookies.delete(ACCESS_COOKIE, { path: '/' });
	cookies.delete(REFRESH_COOKIE, { path: '/' });
	rememberSessionEnded(cookies, secure);
}

/** Remember, for the next sign-in page, that the session was found ended (see ENDED_COOKIE). */
export function rememberSessionEnded(cookies: Cookies, secure = !dev) {
	cookies.set(ENDED_COOKIE, '1', { ...base, secure, maxAge: ENDED_TTL_SECONDS });
}

/**
 * Whether the session was found ended since; says it once (the sign-in page shows it, and
 * signing in or out afresh makes it stale).
 */
export function takeSessionEnded(cookies: Cookies): boolean {
	if (cookies.get(ENDED_COOKIE) === undefined) return false;
	cookies.delete(ENDED_COOKIE, { path: '/' });
	return true;
}

/**
 * `Set-Cookie` values that delete the session's cookies (ours by default, or the names an
 * adapter keeps it under) and remember why, for a response already built (the handle hook
 * learns only from the answer that the session has ended).
 */
export function expiredSessionCookies(
	secure: boolean,
	names: readonly string[] = [ACCESS_COOKIE, REFRESH_COOKIE]
): string[] {
	const attributes = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
	return [
		...names.map((name) => `${name}=; Max-Age=0; ${attributes}`),
		`${ENDED_COOKIE}=1; Max-Age=${ENDED_TTL_SECONDS}; ${attributes}`
	];
}
