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
