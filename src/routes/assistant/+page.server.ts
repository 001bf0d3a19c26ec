import { withUser } from '$lib/server/db';
import { staffHome } from '$lib/features/board/homes.server';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'assistant', 'admin');
	const { user: viewer } = await event.parent();
	const timeZone = viewer?.timeZone ?? 'Europe/Paris';
	return withUser(user.claims, (tx) => staffHome(tx, timeZone));
};
