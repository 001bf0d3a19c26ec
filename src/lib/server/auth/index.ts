import { readServerEnv } from '../config/env';
import { database } from '../db';
import { persistentSecret } from '../db/embedded';
import { createLocalIdentityProvider } from './local-provider';
import type { IdentityProvider } from './types';

export type { AppUser, IdentityProvider, IssuedSession } from './types';
export { AuthError } from './types';

let provider: Promise<IdentityProvider> | undefined;

/**
 * The identity adapter, chosen once. Local today; the Supabase Auth adapter
 * slots in here when SUPABASE_URL is configured.
 */
export function identity(): Promise<IdentityProvider> {
	provider ??= (async () => {
		const env = readServerEnv();
		const secret = env.JWT_SECRET ?? (await persistentSecret(env.NEXUS_DATA_DIR, 'jwt-secret'));
		return createLocalIdentityProvider(async () => (await database()).sql, secret);
	})();
	return provider;
}
