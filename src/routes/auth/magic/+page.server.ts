import { fail, redirect } from '@sveltejs/kit';
import { HOME_BY_ROLE } from '$lib/core/roles';
import { SignInLinkSchema, linkTokenIn } from '$lib/features/people/schemas';
import { AuthError, browserSession } from '$lib/server/auth';
import { RateLimitedError, limitLinkUse, retryLater } from '$lib/server/auth/rate-limit';
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
		try {
			const session = await browserSession(event);
			const user = await limitLinkUse('signIn', event.getClientAddress(), () =>
				session.completeMagicLink(token)
			);
			redirect(303, HOME_BY_ROLE[user.role]);
		} catch (error) {
			if (error instanceof AuthError) return fail(400, { error: 'INVALID_SIGN_IN_LINK' as const });
			if (error instanceof RateLimitedError) {
				const retryMinutes = retryLater(error, event.setHeaders);
				return fail(429, { error: 'RATE_LIMITED' as const, token, retryMinutes });
			}
			throw error;
		}
	}
};
