import { listInbox, markRead } from '$lib/features/notifications/inbox.server';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event);
	return withUser(user.claims, (tx) => listInbox(tx, 100));
};

export const actions: Actions = {
	readAll: async (event) => {
		const user = pageUser(event);
		await withUser(user.claims, (tx) => markRead(tx, null));
		return { marked: true };
	}
};
