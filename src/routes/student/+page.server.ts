import { withUser } from '$lib/server/db';
import { studentHome } from '$lib/features/board/homes.server';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'student');
	return withUser(user.claims, studentHome);
};
