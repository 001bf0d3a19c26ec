/**
 * The deliveries that failed, newest first, for the staff (RLS: staff read every delivery, anyone
 * else only their own): what the board counts and what `resend` acts on.
 */
import type { Tx } from '$lib/server/db';
import type { FailedDelivery } from './failed';

export type { FailedDelivery };

export async function listFailedDeliveries(tx: Tx, limit = 50): Promise<FailedDelivery[]> {
	return tx<FailedDelivery[]>`
		select n.id, n.session_id as "sessionId", s.title as "sessionTitle",
			coalesce(p.first_name || ' ' || p.last_name, '') as "recipientName",
			n.method, n.type, n.last_error as "lastError", n.attempts, n.resends,
			n.created_at as "createdAt"
		from public.session_notifications n
		left join public.session_bookings s on s.id = n.session_id
		left join public.profiles p on p.id = n.recipient_id
		where n.status = 'FAILED'
		order by n.created_at desc, n.id
		limit ${limit}`;
}
