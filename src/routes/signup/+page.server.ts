import { redirect } from '@sveltejs/kit';
import { ParentSignUpSchema } from '$lib/features/people/schemas';
import { browserSession } from '$lib/server/auth';
import { submitAccountForm } from '$lib/server/auth/account-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const form = Object.fromEntries(await event.request.formData());
		const session = await browserSession(event);
		const result = await submitAccountForm(
			event,
			ParentSignUpSchema,
			{ ...form, locale: event.locals.locale },
			['email', 'firstName', 'lastName', 'phone'],
			(data) => session.signUp(data)
		);
		if (!result.ok) return result.failure;
		redirect(303, '/family');
	}
};
