import { withUser } from '$lib/server/db';
import { listUpcomingSessions } from '$lib/features/board/homes.server';
import { pageUser } from '$lib/server/http/handler';
import { listMyChildren } from '$lib/features/people/profiles.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'parent');
	return withUser(user.claims, async (tx) => ({
		children: await listMyChildren(tx),
		upcoming: await listUpcomingSessions(tx)
	}));
};
