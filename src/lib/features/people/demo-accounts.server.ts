import type { UserRole } from '$lib/core/roles';
import type { Tx } from '$lib/server/db';

export interface DemoAccount {
	email: string;
	role: UserRole;
	name: string;
}

export const DEMO_PASSWORD = 'nexus-demo';

/**
 * The seeded `@nexus.test` accounts, listed on the sign-in page in local mode
 * only (the caller checks the mode). Public information by design there.
 */
export async function listDemoAccounts(tx: Tx): Promise<DemoAccount[]> {
	return tx<DemoAccount[]>`
		select email, role, first_name || ' ' || last_name as name
		from public.profiles where email like '%@nexus.test'
		order by array_position(array['assistant','admin','coach','parent','student']::public.user_role[], role), email`;
}
