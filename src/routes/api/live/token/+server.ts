import { json } from '@sveltejs/kit';
import type { LiveToken } from '$lib/core/live';
import { browserSession, identity } from '$lib/server/auth';
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
 * cookie is httpOnly: page code cannot read it, and this answer is never cached. An API client
 * gets back the bearer token it sent; a browser its session's, from whichever identity adapter
 * holds it (the app's own cookies or Supabase Auth's).
 */
export const GET = api(async (event) => {
	const user = requireUser(event);
	// Signed out elsewhere, the token still verifies until it expires; the database knows (401).
	await withUser(user.claims, (tx) => tx`select 1`);
	const answer = await presentedToken(event);
	if (!answer) throw new ApiError(401, 'UNAUTHENTICATED', 'This sign-in session has ended');
	return json(answer satisfies LiveToken, { headers: { 'cache-control': 'no-store' } });
});

async function presentedToken(event: Parameters<typeof browserSession>[0] & { request: Request }) {
	const header = event.request.headers.get('authorization');
	if (!header) return (await browserSession(event)).accessToken(RENEW_WITHIN_SECONDS);
	const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
	const verified = token ? await (await identity()).verifyAccessToken(token) : null;
	return token && verified ? { token, expiresAt: Number(verified.claims.exp) } : null;
}
