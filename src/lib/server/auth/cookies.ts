import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';
import type { IssuedSession } from './types';

export const ACCESS_COOKIE = 'nexus_access';
export const REFRESH_COOKIE = 'nexus_refresh';
const REFRESH_TTL_SECONDS = 60 * 60 * 24 * 30;

const base = { path: '/', httpOnly: true, sameSite: 'lax', secure: !dev } as const;

export function setSessionCookies(cookies: Cookies, session: IssuedSession, secure = !dev) {
	cookies.set(ACCESS_COOKIE, session.accessToken, { ...base, secure, maxAge: session.expiresIn });
	cookies.set(REFRESH_COOKIE, session.refreshToken, {
		...base,
		secure,
		maxAge: REFRESH_TTL_SECONDS
	});
}

export function clearSessionCookies(cookies: Cookies) {
	cookies.delete(ACCESS_COOKIE, { path: '/' });
	cookies.delete(REFRESH_COOKIE, { path: '/' });
}

/**
 * `Set-Cookie` values that delete both session cookies, for a response already built (the
 * handle hook learns only from the answer that the session has ended).
 */
export function expiredSessionCookies(secure: boolean): string[] {
	const attributes = `Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
	return [ACCESS_COOKIE, REFRESH_COOKIE].map((name) => `${name}=; ${attributes}`);
}
