import type { Cookies } from '@sveltejs/kit';
import { readServerEnv, supabaseAuthOf } from '../config/env';
import { database } from '../db';
import { persistentSecret } from '../db/embedded';
import { createLocalIdentityProvider } from './local-provider';
import type { BrowserSession, IdentityProvider } from './types';

export type { AppUser, BrowserSession, IdentityProvider, IssuedSession } from './types';
export { AuthError } from './types';

let provider: Promise<IdentityProvider> | undefined;

/**
 * The identity adapter, chosen once: Supabase Auth when SUPABASE_URL is configured (with its
 * keys, checked at boot), otherwise the local one.
 */
export function identity(): Promise<IdentityProvider> {
	provider ??= (async () => {
		const env = readServerEnv();
		const getSql = async () => (await database()).sql;
		const supabase = supabaseAuthOf(env);
		// Loaded only when used: the embedded home never pays for supabase-js (nor hears its
		// Node 20 deprecation notice).
		if (supabase)
			return (await import('./supabase-provider')).createSupabaseIdentityProvider(supabase, getSql);
		const secret = env.JWT_SECRET ?? (await persistentSecret(env.NEXUS_DATA_DIR, 'jwt-secret'));
		return createLocalIdentityProvider(getSql, secret);
	})();
	return provider;
}

// One per request (keyed by its cookies, which live exactly as long): the hook that resolves
// the caller and the action that signs them out must see the same session.
const perRequest = new WeakMap<Cookies, Promise<BrowserSession>>();

/** The sign-in session of this request's browser (its cookies), made once per request. */
export function browserSession(event: { cookies: Cookies; url: URL }): Promise<BrowserSession> {
	let session = perRequest.get(event.cookies);
	if (!session) {
		const secure = event.url.protocol === 'https:';
		session = identity().then((p) => p.forRequest(event.cookies, { secure }));
		perRequest.set(event.cookies, session);
	}
	return session;
}
