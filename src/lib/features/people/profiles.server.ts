import type { UserRole } from '$lib/core/roles';
import type { Tx } from '$lib/server/db';

export interface ProfileSummary {
	id: string;
	role: UserRole;
	firstName: string;
	lastName: string;
	email: string;
	locale: 'fr' | 'en';
	timeZone: string;
}

export interface ChildSummary {
	id: string;
	firstName: string;
	lastName: string;
	email: string;
	balance: number;
}

/** The caller's own profile (RLS: always visible to themself). */
export async function getMyProfile(tx: Tx): Promise<ProfileSummary | null> {
	const [row] = await tx<ProfileSummary[]>`
		select id, role, first_name as "firstName", last_name as "lastName", email, locale,
			time_zone as "timeZone"
		from public.profiles where id = (select auth.uid())`;
	return row ?? null;
}

/** A parent's linked children with their credit balances. */
export async function listMyChildren(tx: Tx): Promise<ChildSummary[]> {
	return tx<ChildSummary[]>`
		select p.id, p.first_name as "firstName", p.last_name as "lastName", p.email,
			coalesce(a.balance, 0) as balance
		from public.parent_students ps
		join public.profiles p on p.id = ps.student_id
		left join public.credit_accounts a on a.student_id = p.id
		where ps.parent_id = (select auth.uid())
		order by p.first_name`;
}
