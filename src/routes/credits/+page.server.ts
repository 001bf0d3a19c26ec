import { withUser } from '$lib/server/db';
import { loadFamilyScope } from '$lib/features/people/active-child.server';
import { rememberedChild } from '$lib/server/http/active-child-cookie';
import { studentLedger } from '$lib/features/credits/ledger.server';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

/** Balances of everyone the caller books for, and the active student's ledger. */
export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'student', 'parent');
	return withUser(user.claims, async (tx) => {
		const scope = await loadFamilyScope(tx, user, { remembered: rememberedChild(event.cookies) });
		return {
			role: scope.role,
			students: scope.students,
			student: scope.active,
			ledger: scope.active ? await studentLedger(tx, scope.active.id) : []
		};
	});
};
