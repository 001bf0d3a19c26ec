import { fail, redirect } from '@sveltejs/kit';
import { HOME_BY_ROLE } from '$lib/core/roles';
import { fieldCodes } from '$lib/core/schemas';
import { NewPasswordSchema, linkTokenIn } from '$lib/features/people/schemas';
import { AuthError, browserSession } from '$lib/server/auth';
import { RateLimitedError, limitLinkUse, retryLater } from '$lib/server/auth/rate-limit';
import type { Actions, PageServerLoad } from './$types';

/** The link's token is only read here; it is checked (and spent) when the form is sent. */
export const load: PageServerLoad = ({ url }) => {
	const token = linkTokenIn(url.searchParams);
	return { token: token.success ? token.data : null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = Object.fromEntries(await event.request.formData());
		const parsed = NewPasswordSchema.safeParse(form);
		if (!parsed.success) {
			const fields = fieldCodes(parsed.error);
			if (fields.token) return fail(400, { error: 'INVALID_RESET_LINK' as const });
			// The address bar no longer holds the token (the page took it out): hand it back.
			return fail(400, { fields, token: String(form.token) });
		}
		const { token, password } = parsed.data;
		try {
			const session = await browserSession(event);
			const user = await limitLinkUse('reset', event.getClientAddress(), () =>
				session.completePasswordReset(token, password)
			);
			redirect(303, HOME_BY_ROLE[user.role]);
		} catch (error) {
			if (error instanceof AuthError)
				return fail(400, {
					error:
						error.code === 'PASSWORD_REFUSED'
							? ('PASSWORD_REFUSED' as const)
							: ('INVALID_RESET_LINK' as const)
				});
			if (error instanceof RateLimitedError) {
				const retryMinutes = retryLater(error, event.setHeaders);
				return fail(429, { error: 'RATE_LIMITED' as const, token, retryMinutes });
			}
			throw error;
		}
	}
};
