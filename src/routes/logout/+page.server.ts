import { redirect } from '@sveltejs/kit';
import { identity } from '$lib/server/auth';
import { REFRESH_COOKIE, clearSessionCookies } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, locals }) => {
		// Either names the session; ending it ends every token of it, here and elsewhere.
		const refreshToken = cookies.get(REFRESH_COOKIE);
		const sessionId = locals.user?.claims.session_id;
		if (refreshToken || sessionId) await (await identity()).signOut({ refreshToken, sessionId });
		clearSessionCookies(cookies);
		redirect(303, '/login');
	}
};
