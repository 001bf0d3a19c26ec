import { fail, redirect } from '@sveltejs/kit';
import { HOME_BY_ROLE } from '$lib/core/roles';
import { SignInLinkSchema, linkTokenIn } from '$lib/features/people/schemas';
import { spendEmailLink } from '$lib/server/auth/link-request';
import type { Actions, PageServerLoad } from './$types';

/**
 * Opening the link only shows a button: mail scanners open links too, and a single-use link
 * spent by one would leave the person a dead link. Pressing the button spends it.
 */
export const load: PageServerLoad = ({ url, locals }) => {
	if (locals.user) redirect(303, HOME_BY_ROLE[locals.user.role]);
	const token = linkTokenIn(url.searchParams);
	return { token: token.success ? token.data : null };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = SignInLinkSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { error: 'INVALID_SIGN_IN_LINK' as const });
		const { token } = parsed.data;
		return spendEmailLink(event, {
			kind: 'signIn',
			token,
			spend: (session) => session.completeMagicLink(token),
			refused: () => 'INVALID_SIGN_IN_LINK' as const
		});
	}
};
