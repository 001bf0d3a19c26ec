import { fail, redirect } from '@sveltejs/kit';
import { ParentSignUpSchema } from '$lib/features/people/schemas';
import { AuthError, identity } from '$lib/server/auth';
import { setSessionCookies } from '$lib/server/auth/cookies';
import { RateLimitedError, limitAccountCreation } from '$lib/server/auth/rate-limit';
import { fieldCodes } from '$lib/core/schemas';
import type { FieldErrors } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress, setHeaders }) => {
		const form = Object.fromEntries(await request.formData());
		const values = {
			email: String(form.email ?? ''),
			firstName: String(form.firstName ?? ''),
			lastName: String(form.lastName ?? ''),
			phone: String(form.phone ?? '')
		};
		const parsed = ParentSignUpSchema.safeParse({ ...form, locale: locals.locale });
		if (!parsed.success)
			return fail(400, { values, fields: fieldCodes(parsed.error), error: null });
		try {
			const provider = await identity();
			const session = await limitAccountCreation(getClientAddress(), () =>
				provider.signUpParent(parsed.data)
			);
			setSessionCookies(cookies, session, url.protocol === 'https:');
		} catch (error) {
			if (error instanceof AuthError && error.code === 'EMAIL_TAKEN') {
				return fail(409, { values, fields: {} as FieldErrors, error: 'EMAIL_TAKEN' as const });
			}
			if (error instanceof RateLimitedError) {
				setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
				const retryMinutes = Math.ceil(error.retryAfterSeconds / 60);
				const fields = {} as FieldErrors;
				return fail(429, { values, fields, error: 'RATE_LIMITED' as const, retryMinutes });
			}
			throw error;
		}
		redirect(303, '/family');
	}
};
