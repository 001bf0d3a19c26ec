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

export const actions: Actions = {
	default: (event) =>
		requestEmailLink(event, {
			kind: 'reset',
			schema: LinkRequestSchema,
			path: '/reset',
			start: async (email, page) => (await identity()).startPasswordReset(email, page),
			mail: (made) => mailAccountLink('PASSWORD_RESET', made)
		})
};
