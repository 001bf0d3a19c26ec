import { json } from '@sveltejs/kit';
import { listInbox } from '$lib/features/notifications/inbox.server';
import { withUser } from '$lib/server/db';
import { api, requireUser } from '$lib/server/http/handler';

/** Your in-app notifications (newest first) and how many are unread. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	return json(await withUser(user.claims, (tx) => listInbox(tx)));
});
