import { isAuthApiError, type JwtPayload } from '@supabase/supabase-js';
import { USER_ROLES, type UserRole } from '$lib/core/roles';
import type { AppUser } from './types';

/**
 * The server never opens a Realtime socket (the live layer is ours), but supabase-js builds a
 * Realtime client with every client, and on Node 20 (no global WebSocket) it throws unless
 * given a transport. This one is never constructed.
 */
class NoRealtimeSocket {
	constructor() {
		throw new Error('Supabase Realtime is not used on the server');
	}
}

/** Options of a client that keeps nothing between calls (no storage, no timers). */
export const STATELESS = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: NoRealtimeSocket as unknown as typeof WebSocket }
};

/** Supabase Auth error codes that mean "not these credentials", answered as the local adapter does. */
export const NOT_THESE_CREDENTIALS = new Set([
	'invalid_credentials',
	'email_not_confirmed',
	'user_not_found',
	'user_banned'
]);

/** A GoTrue refusal of what was asked (4xx other than a rate limit), not a failure to answer. */
export const isRefusal = (error: unknown) =>
	isAuthApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 429;

let missingRoleLogged = false;

/**
 * The app's user from verified claims: Supabase's `sub`, `email`, `session_id`, plus the
 * `user_role` that public.custom_access_token_hook adds. Null when a claim the app or the
 * database reads is missing (a token issued before the hook was enabled, an anon key's).
 */
export function appUserFromClaims(claims: JwtPayload): AppUser | null {
	const audience = [claims.aud].flat();
	const role = claims.user_role as UserRole | undefined;
	if (typeof claims.sub !== 'string' || typeof claims.email !== 'string') return null;
	if (claims.role !== 'authenticated' || !audience.includes('authenticated')) return null;
	if (typeof claims.session_id !== 'string') return null;
	if (!USER_ROLES.includes(role as UserRole)) {
		if (!missingRoleLogged)
			console.error(
				'[auth] a Supabase access token has no user_role claim: enable the custom access token hook public.custom_access_token_hook (README, Deploy, step 2)'
			);
		missingRoleLogged = true;
		return null;
	}
	return {
		id: claims.sub,
		email: claims.email,
		role: role!,
		claims: { ...claims, sub: claims.sub, role: 'authenticated', session_id: claims.session_id }
	};
}
