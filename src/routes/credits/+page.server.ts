import { fail } from '@sveltejs/kit';
import { fieldCodes } from '$lib/core/schemas';
import { listCreditRequests, requestCredits } from '$lib/features/credits/requests.server';
import { RequestCreditsSchema } from '$lib/features/credits/schemas';
import { withUser } from '$lib/server/db';
import { asServiceFailure } from '$lib/server/http/service-failure';
import { loadFamilyScope } from '$lib/features/people/active-child.server';
import { withActiveChild } from '$lib/server/http/active-child-cookie';
import { studentLedger } from '$lib/features/credits/ledger.server';
import { pageUser } from '$lib/server/http/handler';
import type { Actions, PageServerLoad } from './$types';

/** Balances of everyone the caller books for, the active student's ledger, the family's requests. */
export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'student', 'parent');
	return withUser(user.claims, async (tx) => {
		// A notification's link names the child (?child=): that child's page opens.
		const scope = await withActiveChild(event, user.role, (choice) =>
			loadFamilyScope(tx, user, choice)
		);
		return {
			role: scope.role,
			students: scope.students,
			student: scope.active,
			ledger: scope.active ? await studentLedger(tx, scope.active.id) : [],
			requests: await listCreditRequests(tx)
		};
	});
};

export const actions: Actions = {
	/** Ask staff for credits for one of the family's students (`public.request_credits`). */
	request: async (event) => {
		const user = pageUser(event, 'student', 'parent');
		const form = Object.fromEntries(await event.request.formData());
		const parsed = RequestCreditsSchema.safeParse(form);
		if (!parsed.success) return fail(400, { fields: fieldCodes(parsed.error) });
		try {
			await withUser(user.claims, (tx) => requestCredits(tx, parsed.data));
		} catch (cause) {
			const failure = asServiceFailure(cause);
			return fail(failure.status, { code: failure.code as string });
		}
		return { sent: true };
	}
};
