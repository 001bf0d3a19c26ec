import { fail } from '@sveltejs/kit';
import { fieldCodes } from '$lib/core/schemas';
import { NewPasswordSchema, linkTokenIn } from '$lib/features/people/schemas';
import { spendEmailLink } from '$lib/server/auth/link-request';
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
		return spendEmailLink(event, {
			kind: 'reset',
			token,
			spend: (session) => session.completePasswordReset(token, password),
			refused: (error) =>
				error.code === 'PASSWORD_REFUSED'
					? ('PASSWORD_REFUSED' as const)
					: ('INVALID_RESET_LINK' as const)
		});
	}
};
