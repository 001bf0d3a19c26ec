import { redirect } from '@sveltejs/kit';
import { HOME_BY_ROLE } from '$lib/core/roles';
import { LinkRequestSchema } from '$lib/features/people/schemas';
import { mailAccountLink } from '$lib/features/notifications/account-mail.server';
import { identity } from '$lib/server/auth';
import { requestEmailLink } from '$lib/server/auth/link-request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, HOME_BY_ROLE[locals.user.role]);
};

/** "Email me a sign-in link": never creates an account, answers the same for any address. */
export const actions: Actions = {
	default: (event) =>
		requestEmailLink(event, {
			kind: 'signIn',
			schema: LinkRequestSchema,
			path: '/auth/magic',
			start: async (email, page) => (await identity()).startMagicLink(email, page),
			mail: (made) => mailAccountLink('MAGIC_LINK', made)
		})
};
