import { redirect } from '@sveltejs/kit';
import { browserSession } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		await (await browserSession(event)).signOut();
		redirect(303, '/login');
	}
};
