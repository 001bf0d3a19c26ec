import { json } from '@sveltejs/kit';
import { unreadCount } from '$lib/features/notifications/inbox.server';
import { withUser } from '$lib/server/db';
import { api, requireUser } from '$lib/server/http/handler';

/** `{ unread }`: what the bell shows. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	return json({ unread: await withUser(user.claims, unreadCount) });
});
