import { fail, redirect } from '@sveltejs/kit';
import { HOME_BY_ROLE } from '$lib/core/roles';
import { safeRedirect } from '$lib/core/redirects';
import { SignInSchema } from '$lib/features/people/schemas';
import { AuthError, browserSession } from '$lib/server/auth';
import { takeSessionEnded } from '$lib/server/auth/cookies';
import { RateLimitedError, limitSignIn } from '$lib/server/auth/rate-limit';
import { database } from '$lib/server/db';
import { demoSignInFor } from '$lib/features/people/demo-accounts.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, cookies, getClientAddress }) => {
	if (locals.user) redirect(303, HOME_BY_ROLE[locals.user.role]);
	const db = await database();
	return {
		next: safeRedirect(url.searchParams.get('next')),
		// Either flag alone: a background request may have learnt it before this page.
		sessionEnded: takeSessionEnded(cookies) || url.searchParams.has('ended'),
		demo: await demoSignInFor({
			embedded: db.mode === 'embedded',
			clientAddress: getClientAddress()
		})
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, getClientAddress, setHeaders } = event;
		const form = Object.fromEntries(await request.formData());
		const parsed = SignInSchema.safeParse(form);
		const email = typeof form.email === 'string' ? form.email : '';
		if (!parsed.success) return fail(400, { email, error: 'INVALID_CREDENTIALS' as const });
		try {
			const session = await browserSession(event);
			const credentials = parsed.data;
			const attempt = { email: credentials.email, clientAddress: getClientAddress() };
			const user = await limitSignIn(attempt, () =>
				session.signIn(credentials.email, credentials.password)
			);
			const next = safeRedirect(form.next);
			redirect(303, next === '/' ? HOME_BY_ROLE[user.role] : next);
		} catch (error) {
			if (error instanceof AuthError)
				return fail(400, { email, error: 'INVALID_CREDENTIALS' as const });
			if (error instanceof RateLimitedError) {
				setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
				const retryMinutes = Math.ceil(error.retryAfterSeconds / 60);
				return fail(429, { email, error: 'RATE_LIMITED' as const, retryMinutes });
			}
			throw error;
		}
	}
};
