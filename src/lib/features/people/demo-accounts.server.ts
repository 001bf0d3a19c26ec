import type { UserRole } from '$lib/core/roles';
import { withService, type Tx } from '$lib/server/db';
import { isLoopbackAddress } from '$lib/server/http/client-address';

export interface DemoAccount {
	email: string;
	role: UserRole;
	name: string;
}

export const DEMO_PASSWORD = 'nexus-demo';

export interface DemoSignIn {
	password: string;
	accounts: DemoAccount[];
}

/**
 * What the sign-in page may show of the demo accounts: everything on the embedded
 * database to a visitor on this machine, nothing to anyone else. A server opened to
 * the network (HOST=0.0.0.0) must not hand the admin account and its password to
 * whoever reaches it.
 */
export async function demoSignInFor(visitor: {
	embedded: boolean;
	clientAddress: string;
}): Promise<DemoSignIn | null> {
	if (!visitor.embedded || !isLoopbackAddress(visitor.clientAddress)) return null;
	return { password: DEMO_PASSWORD, accounts: await withService(listDemoAccounts) };
}

/** The seeded `@nexus.test` accounts (see `demoSignInFor` for who may see them). */
export async function listDemoAccounts(tx: Tx): Promise<DemoAccount[]> {
	return tx<DemoAccount[]>`
		select email, role, first_name || ' ' || last_name as name
		from public.profiles where email like '%@nexus.test'
		order by array_position(array['assistant','admin','coach','parent','student']::public.user_role[], role), email`;
}
