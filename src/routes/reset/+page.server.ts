import { fail, redirect } from '@sveltejs/kit';
import { HOME_BY_ROLE } from '$lib/core/roles';
import { fieldCodes } from '$lib/core/schemas';
import { NewPasswordSchema, ResetTokenSchema } from '$lib/features/people/schemas';
import { AuthError, identity } from '$lib/server/auth';
import { setSessionCookies } from '$lib/server/auth/cookies';
import { RateLimitedError, limitResetUse } from '$lib/server/auth/rate-limit';
import type { Actions, PageServerLoad } from './$types';

/** The link's token is only read here; it is checked (and spent) when the form is sent. */
export const load: PageServerLoad = ({ url }) => {
	const token = ResetTokenSchema.safeParse(url.searchParams.get('token'));
	return { token: token.success ? token.data : null };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = NewPasswordSchema.safeParse(form);
		if (!parsed.success) {
			const fields = fieldCodes(parsed.error);
			if (fields.token) return fail(400, { error: 'INVALID_RESET_LINK' as const });
			// The address bar no longer holds the token (the page took it out): hand it back.
			return fail(400, { fields, token: String(form.token) });
		}
		try {
			const provider = await identity();
			const session = await limitResetUse(getClientAddress(), () =>
				provider.completePasswordReset(parsed.data.token, parsed.data.password)
			);
			setSessionCookies(cookies, session, url.protocol === 'https:');
			redirect(303, HOME_BY_ROLE[session.user.role]);
		} catch (error) {
			if (error instanceof AuthError) return fail(400, { error: 'INVALID_RESET_LINK' as const });
			if (error instanceof RateLimitedError) {
				setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
				return fail(429, {
					error: 'RATE_LIMITED' as const,
					token: parsed.data.token,
					retryMinutes: Math.ceil(error.retryAfterSeconds / 60)
				});
			}
			throw error;
		}
	}
};
