import { redirect } from '@sveltejs/kit';
import { ParentSignUpSchema } from '$lib/features/people/schemas';
import { identity } from '$lib/server/auth';
import { submitAccountForm } from '$lib/server/auth/account-form';
import { setSessionCookies } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const form = Object.fromEntries(await event.request.formData());
		const provider = await identity();
		const result = await submitAccountForm(
			event,
			ParentSignUpSchema,
			{ ...form, locale: event.locals.locale },
			['email', 'firstName', 'lastName', 'phone'],
			(data) => provider.signUpParent(data)
		);
		if (!result.ok) return result.failure;
		setSessionCookies(event.cookies, result.created, event.url.protocol === 'https:');
		redirect(303, '/family');
	}
};
