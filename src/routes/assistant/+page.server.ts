import { withUser } from '$lib/server/db';
import { staffHome } from '$lib/features/board/homes.server';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'assistant', 'admin');
	// "Today" is the viewer's day (their zone, as the layout resolved it), not the database's.
	const { timeZone } = await event.parent();
	return withUser(user.claims, (tx) => staffHome(tx, timeZone, new Date()));
};
