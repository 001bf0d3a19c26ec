import { json, type RequestEvent } from '@sveltejs/kit';
import type { LiveToken } from '$lib/core/live';
import { identity } from '$lib/server/auth';
import { ACCESS_COOKIE, REFRESH_COOKIE, setSessionCookies } from '$lib/server/auth/cookies';
import { withUser } from '$lib/server/db';
import { ApiError } from '$lib/server/http/errors';
import { api, requireUser } from '$lib/server/http/handler';

/**
 * Renewed when it has less left than this, as Supabase Auth's own clients renew theirs
 * (auth-js `EXPIRY_MARGIN_MS`): the browser asks a minute before expiry, so it always receives
 * a token that outlives the one Realtime holds, and Realtime never closes a channel at expiry.
 */
const RENEW_WITHIN_SECONDS = 90;

/**
 * The caller's access token, for the browser to hand Supabase Realtime (`realtime.setAuth`),
 * which checks each private topic against `public.can_listen` as that person. The session
 * cookie is httpOnly: page code cannot read it, and this answer is never cached.
 */
export const GET = api(async (event) => {
	const user = requireUser(event);
	// Signed out elsewhere, the token still verifies until it expires; the database knows (401).
	await withUser(user.claims, (tx) => tx`select 1`);
	const provider = await identity();
	const presented = presentedToken(event);
	const verified = presented && (await provider.verifyAccessToken(presented.token));
	if (!presented || verified?.id !== user.id)
		throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in or send a valid bearer token');
	let answer: LiveToken = { token: presented.token, expiresAt: Number(verified.claims.exp) };
	if (presented.cookie && answer.expiresAt - Date.now() / 1000 < RENEW_WITHIN_SECONDS) {
		// As the hooks renew an expired cookie session, a little earlier.
		const refreshToken = event.cookies.get(REFRESH_COOKIE);
		const renewed = refreshToken ? await provider.refresh(refreshToken) : null;
		if (!renewed) throw new ApiError(401, 'UNAUTHENTICATED', 'This sign-in session has ended');
		setSessionCookies(event.cookies, renewed, event.url.protocol === 'https:');
		answer = {
			token: renewed.accessToken,
			expiresAt: Math.floor(Date.now() / 1000) + renewed.expiresIn
		};
	}
	return json(answer, { headers: { 'cache-control': 'no-store' } });
});

/**
 * The token this request was authenticated with, read as hooks.server.ts reads it: the bearer
 * header of an API client, else the session cookie (the one the hooks just renewed, if they did).
 */
function presentedToken(event: RequestEvent): { token: string; cookie: boolean } | null {
	const header = event.request.headers.get('authorization');
	if (header) {
		const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
		return token ? { token, cookie: false } : null;
	}
	const token = event.cookies.get(ACCESS_COOKIE);
	return token ? { token, cookie: true } : null;
}
