import { fail, redirect } from '@sveltejs/kit';
import { HOME_BY_ROLE } from '$lib/core/roles';
import { fieldCodes } from '$lib/core/schemas';
import { ResetRequestSchema } from '$lib/features/people/schemas';
import { mailPasswordReset } from '$lib/features/notifications/account-mail.server';
import { identity } from '$lib/server/auth';
import { RateLimitedError, limitResetRequest } from '$lib/server/auth/rate-limit';
import { readServerEnv } from '$lib/server/config/env';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, HOME_BY_ROLE[locals.user.role]);
};

export const actions: Actions = {
	/**
	 * The same answer whether or not an account uses the address, and the mail leaves after the
	 * answer, so neither the words nor the time tell who has an account.
	 */
	default: async ({ request, getClientAddress, url, setHeaders }) => {
		const form = Object.fromEntries(await request.formData());
		const email = typeof form.email === 'string' ? form.email.slice(0, 254) : '';
		const parsed = ResetRequestSchema.safeParse(form);
		if (!parsed.success) return fail(400, { email, fields: fieldCodes(parsed.error) });
		try {
			await limitResetRequest({ email: parsed.data.email, clientAddress: getClientAddress() });
		} catch (error) {
			if (!(error instanceof RateLimitedError)) throw error;
			setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
			return fail(429, {
				email,
				error: 'RATE_LIMITED' as const,
				retryMinutes: Math.ceil(error.retryAfterSeconds / 60)
			});
		}
		const started = await (await identity()).startPasswordReset(parsed.data.email);
		if (started) {
			// The configured origin when there is one: a link built from the request's Host header
			// could point a victim's mail at a host the requester chose.
			const env = readServerEnv();
			const origin = (env.APP_URL ?? env.ORIGIN ?? url.origin).replace(/\/$/, '');
			void mailPasswordReset({ ...started, origin }).catch((error: Error) =>
				console.error('[auth] password-reset mail failed:', error.message)
			);
		}
		return { sent: parsed.data.email };
	}
};
