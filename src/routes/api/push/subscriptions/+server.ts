import { json } from '@sveltejs/kit';
import {
	removeSubscription,
	saveSubscription
} from '$lib/features/notifications/push-subscriptions.server';
import { PushSubscriptionSchema, PushUnsubscribeSchema } from '$lib/features/notifications/schemas';
import { withUser } from '$lib/server/db';
import { api, readJson, requireUser } from '$lib/server/http/handler';

/** Subscribe this browser (`PushSubscription.toJSON()`) for the caller: 201 `{ id }`. */
export const POST = api(async (event) => {
	const user = requireUser(event);
	const subscription = await readJson(event, PushSubscriptionSchema);
	const userAgent = event.request.headers.get('user-agent');
	const saved = await withUser(user.claims, (tx) => saveSubscription(tx, subscription, userAgent));
	return json(saved, { status: 201 });
});

/** Unsubscribe this browser: `{ endpoint }` → `{ removed }` (only the caller's own). */
export const DELETE = api(async (event) => {
	const user = requireUser(event);
	const { endpoint } = await readJson(event, PushUnsubscribeSchema);
	return json(await withUser(user.claims, (tx) => removeSubscription(tx, endpoint)));
});
