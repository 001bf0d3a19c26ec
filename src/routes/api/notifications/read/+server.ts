import { json } from '@sveltejs/kit';
import { markRead, unreadCount } from '$lib/features/notifications/inbox.server';
import { MarkReadSchema } from '$lib/features/notifications/schemas';
import { withUser } from '$lib/server/db';
import { api, readJson, requireUser } from '$lib/server/http/handler';

/** Mark `ids` (or every shown notification) read: `{ marked, unread }`. */
export const POST = api(async (event) => {
	const user = requireUser(event);
	const { ids } = await readJson(event, MarkReadSchema);
	return json(
		await withUser(user.claims, async (tx) => ({
			marked: await markRead(tx, ids ?? null),
			unread: await unreadCount(tx)
		}))
	);
});
