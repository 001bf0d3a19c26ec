import { fail, redirect } from '@sveltejs/kit';
import { ParentSignUpSchema } from '$lib/features/people/schemas';
import { AuthError, identity } from '$lib/server/auth';
import { setSessionCookies } from '$lib/server/auth/cookies';
import { fieldErrors, type FieldErrors } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals }) => {
		const form = Object.fromEntries(await request.formData());
		const values = {
			email: String(form.email ?? ''),
			firstName: String(form.firstName ?? ''),
			lastName: String(form.lastName ?? ''),
			phone: String(form.phone ?? '')
		};
		const parsed = ParentSignUpSchema.safeParse({ ...form, locale: locals.locale });
		if (!parsed.success)
			return fail(400, { values, fields: fieldErrors(parsed.error), error: null });
		try {
			const session = await (await identity()).signUpParent(parsed.data);
			setSessionCookies(cookies, session, url.protocol === 'https:');
		} catch (error) {
			if (error instanceof AuthError && error.code === 'EMAIL_TAKEN') {
				return fail(409, { values, fields: {} as FieldErrors, error: 'EMAIL_TAKEN' as const });
			}
			throw error;
		}
		redirect(303, '/family');
	}
};
