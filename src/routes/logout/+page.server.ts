import { redirect } from '@sveltejs/kit';
import { identity } from '$lib/server/auth';
import { REFRESH_COOKIE, clearSessionCookies } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies }) => {
		const refresh = cookies.get(REFRESH_COOKIE);
		if (refresh) await (await identity()).signOut(refresh);
		clearSessionCookies(cookies);
		redirect(303, '/login');
	}
};
