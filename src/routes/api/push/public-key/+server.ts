import { json } from '@sveltejs/kit';
import { pushPublicKey } from '$lib/features/notifications/push-subscriptions.server';
import { api, requireUser } from '$lib/server/http/handler';

/** The VAPID public key (`applicationServerKey`): `{ publicKey }`, null when push is off here. */
export const GET = api(async (event) => {
	requireUser(event);
	return json({ publicKey: await pushPublicKey() });
});
