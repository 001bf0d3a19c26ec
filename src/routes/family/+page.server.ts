import { fail } from '@sveltejs/kit';
import { ChildAccountSchema } from '$lib/domain/people/schemas';
import { AuthError, identity } from '$lib/server/auth';
import { withUser } from '$lib/server/db';
import { fieldErrors, type FieldErrors } from '$lib/server/http/errors';
import { pageUser } from '$lib/server/http/handler';
import { listMyChildren } from '$lib/server/people/profiles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'parent');
	return { children: await withUser(user.claims, listMyChildren) };
};

export const actions: Actions = {
	addChild: async (event) => {
		const parent = pageUser(event, 'parent');
		const form = Object.fromEntries(await event.request.formData());
		const values = {
			email: String(form.email ?? ''),
			firstName: String(form.firstName ?? ''),
			lastName: String(form.lastName ?? '')
		};
		const parsed = ChildAccountSchema.safeParse(form);
		if (!parsed.success)
			return fail(400, { values, fields: fieldErrors(parsed.error), error: null });
		try {
			await (await identity()).createChildAccount(parent, parsed.data);
		} catch (error) {
			if (error instanceof AuthError && error.code === 'EMAIL_TAKEN') {
				return fail(409, { values, fields: {} as FieldErrors, error: 'EMAIL_TAKEN' as const });
			}
			throw error;
		}
		return { added: parsed.data.firstName };
	}
};
