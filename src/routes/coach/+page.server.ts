import { withUser } from '$lib/server/db';
import { coachHome } from '$lib/server/dashboard/home';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'coach');
	return withUser(user.claims, coachHome);
};
