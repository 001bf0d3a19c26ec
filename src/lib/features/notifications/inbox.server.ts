/**
 * The notification centre, as the signed-in person (RLS: your own rows only). Only in-app
 * deliveries whose time has come are shown (a feedback request waits its hour).
 */
import type { NotificationType } from '$lib/core/enums';
import type { Tx } from '$lib/server/db';

export interface InboxItem {
	id: string;
	type: NotificationType;
	title: string;
	message: string;
	link: string | null;
	sessionId: string | null;
	at: string;
	read: boolean;
}

export async function unreadCount(tx: Tx): Promise<number> {
	const [row] = await tx<{ n: number }[]>`
		select count(*)::int as n from public.session_notifications
		where recipient_id = (select auth.uid()) and method = 'IN_APP' and read_at is null
		  and next_attempt_at <= now()`;
	return row?.n ?? 0;
}

export async function listInbox(
	tx: Tx,
	limit = 50
): Promise<{ items: InboxItem[]; unread: number }> {
	const rows = await tx<
		{
			id: string;
			type: NotificationType;
			title: string;
			message: string;
			payload: { link?: string; sessionId?: string };
			at: Date;
			read: boolean;
		}[]
	>`
		select id, type::text as type, title, message, payload, next_attempt_at as at, read_at is not null as read
		from public.session_notifications
		where recipient_id = (select auth.uid()) and method = 'IN_APP' and next_attempt_at <= now()
		order by next_attempt_at desc, id
		limit ${limit}`;
	return {
		items: rows.map((r) => ({
			id: r.id,
			type: r.type,
			title: r.title,
			// The in-app text is the message's first paragraph, without the mail's footer.
			message: r.message.split('\n\n')[0] ?? r.message,
			link: r.payload.link
				? new URL(r.payload.link).pathname +
					new URL(r.payload.link).search +
					new URL(r.payload.link).hash
				: null,
			sessionId: r.payload.sessionId ?? null,
			at: r.at.toISOString(),
			read: r.read
		})),
		unread: await unreadCount(tx)
	};
}

/** Mark some (or, without ids, all) of your in-app notifications read; returns how many changed. */
export async function markRead(tx: Tx, ids: string[] | null): Promise<number> {
	const rows = ids
		? await tx`update public.session_notifications set read_at = now()
			where recipient_id = (select auth.uid()) and method = 'IN_APP' and read_at is null and id = any(${ids}::uuid[])
			returning id`
		: await tx`update public.session_notifications set read_at = now()
			where recipient_id = (select auth.uid()) and method = 'IN_APP' and read_at is null and next_attempt_at <= now()
			returning id`;
	return rows.length;
}
