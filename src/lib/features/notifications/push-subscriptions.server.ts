/**
 * This browser's web push subscription, for the signed-in person: the only place that writes
 * SQL for `push_subscriptions` on a person's behalf (delivery removes gone ones as the service).
 */
import type { Tx } from '$lib/server/db';
import { runningNotifications } from './index.server';
import type { PushSubscriptionInput } from './schemas';

/** The VAPID public key browsers subscribe with; null when notifications are off here. */
export async function pushPublicKey(): Promise<string | null> {
	const running = await runningNotifications();
	return running?.channels?.vapidPublicKey ?? null;
}

/** Subscribe (or re-subscribe) this browser for the caller: `public.save_push_subscription`. */
export async function saveSubscription(
	tx: Tx,
	subscription: PushSubscriptionInput,
	userAgent: string | null
): Promise<{ id: string }> {
	const [row] = await tx<{ id: string }[]>`
		select public.save_push_subscription(
			${subscription.endpoint}, ${subscription.keys.p256dh}, ${subscription.keys.auth},
			${userAgent}) as id`;
	return { id: row!.id };
}

/** Forget this browser's subscription; only the caller's own (RLS), so another's stays. */
export async function removeSubscription(tx: Tx, endpoint: string): Promise<{ removed: boolean }> {
	const rows = await tx`
		delete from public.push_subscriptions
		where endpoint = ${endpoint} and user_id = (select auth.uid())
		returning id`;
	return { removed: rows.length > 0 };
}

/** How many browsers will receive the caller's push notifications. */
export async function countMyDevices(tx: Tx): Promise<number> {
	const [row] = await tx<{ n: number }[]>`
		select count(*)::int as n from public.push_subscriptions where user_id = (select auth.uid())`;
	return row!.n;
}
