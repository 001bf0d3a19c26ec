/**
 * One delivery, one attempt: claim it (SENDING, committed), hand it to its channel, then
 * record the attempt and mark it SENT, or PENDING for the engine's next retry, or FAILED
 * after the last. A crash after the claim leaves it SENDING: the engine's retry sends it
 * again with the same key (the Message-ID, Twilio's idempotency token, the push topic), so
 * nothing is lost and providers that honour the key deliver it once.
 */
import { runAsService } from '$lib/server/db/as-user';
import { PermanentChannelError, type Channels, type Sent } from '$lib/server/channels/types';
import type { Sql } from 'postgres';
import { toE164 } from './routing';

export type DeliveryOutcome = 'sent' | 'skipped' | 'retry' | 'failed';

interface Claimed {
	id: string;
	method: 'EMAIL' | 'SMS' | 'PUSH' | 'IN_APP';
	type: string;
	status: string;
	title: string;
	message: string;
	payload: {
		link?: string;
		html?: string;
		short?: string;
		calendar?: { content: string; method: 'REQUEST' | 'CANCEL' } | null;
	};
	delivery_key: string | null;
	recipient_id: string;
	email: string | null;
	phone: string | null;
	stale: string | null;
}

/**
 * @param final this is the engine's last try: a failure now is FAILED, not a retry.
 */
export async function deliver(
	sql: Sql,
	channels: Channels,
	id: string,
	{ final }: { final: boolean }
): Promise<DeliveryOutcome> {
	const claimed = await runAsService(sql, async (tx) => {
		const [row] = await tx<Claimed[]>`
			select n.id, n.method::text as method, n.type::text as type, n.status::text as status,
			       n.title, n.message, n.payload, n.delivery_key, n.recipient_id, p.email, p.phone,
			       case
			         when n.reminder_id is not null and (r.status <> 'SENT' or s.status not in ('SCHEDULED', 'CONFIRMED')
			              or n.delivery_key not like '%:' || (extract(epoch from r.due_at) * 1000)::bigint || ':%')
			           then 'the session was moved, cancelled or has started'
			         when n.type = 'FEEDBACK_REQUESTED' and (s.status <> 'COMPLETED' or s.rating is not null)
			           then 'the session is already rated'
			       end as stale
			from public.session_notifications n
			join public.profiles p on p.id = n.recipient_id
			left join public.session_bookings s on s.id = n.session_id
			left join public.session_reminders r on r.id = n.reminder_id
			where n.id = ${id}
			for update of n`;
		if (!row || !['PENDING', 'SENDING'].includes(row.status) || row.method === 'IN_APP')
			return null;
		if (row.stale) {
			await tx`update public.session_notifications
				set status = 'CANCELLED', last_error = ${row.stale} where id = ${id}`;
			return null;
		}
		await tx`update public.session_notifications
			set status = 'SENDING', attempts = attempts + 1 where id = ${id}`;
		return row;
	});
	if (!claimed) return 'skipped';

	let sent: Sent;
	try {
		sent = await send(sql, channels, claimed);
	} catch (error) {
		const permanent = error instanceof PermanentChannelError;
		const failed = permanent || final;
		const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
		await runAsService(sql, async (tx) => {
			await tx`insert into public.notification_attempts (notification_id, succeeded, error)
				values (${id}, false, ${message})`;
			await tx`update public.session_notifications
				set status = ${failed ? 'FAILED' : 'PENDING'}, last_error = ${message}
				where id = ${id}`;
			// A FAILED delivery reaches the staff's board through its table's trigger.
		});
		if (failed) return 'failed';
		throw error;
	}
	await runAsService(sql, async (tx) => {
		await tx`insert into public.notification_attempts (notification_id, succeeded, provider_id)
			values (${id}, true, ${sent.providerId})`;
		await tx`update public.session_notifications
			set status = 'SENT', sent_at = now(), provider_id = ${sent.providerId}, last_error = null
			where id = ${id}`;
	});
	return 'sent';
}

async function send(sql: Sql, channels: Channels, d: Claimed): Promise<Sent> {
	const key = d.delivery_key ?? d.id;
	switch (d.method) {
		case 'EMAIL':
			if (!d.email) throw new PermanentChannelError('no email address', 'rejected');
			return channels.email({
				to: d.email,
				subject: d.title,
				text: d.message,
				html: d.payload.html ?? `<p>${d.message}</p>`,
				idempotencyKey: d.id,
				calendar: d.payload.calendar ?? undefined
			});
		case 'SMS': {
			const to = toE164(d.phone);
			if (!to) throw new PermanentChannelError('no valid phone number', 'rejected');
			return channels.sms({ to, body: d.payload.short ?? d.title, idempotencyKey: d.id });
		}
		case 'PUSH':
			return pushToEveryDevice(sql, channels, d, key);
		case 'IN_APP':
			return { providerId: null };
	}
}

/** Every subscription of the person; a gone one is deleted; delivered when one accepts it. */
async function pushToEveryDevice(
	sql: Sql,
	channels: Channels,
	d: Claimed,
	key: string
): Promise<Sent> {
	const targets = await runAsService(
		sql,
		(tx) => tx<{ id: string; endpoint: string; p256dh: string; auth: string }[]>`
			select id, endpoint, p256dh, auth from public.push_subscriptions where user_id = ${d.recipient_id}`
	);
	if (targets.length === 0) throw new PermanentChannelError('no push subscription', 'gone');
	let first: Sent | null = null;
	let lastError: unknown = null;
	for (const target of targets) {
		try {
			const sent = await channels.push({
				target,
				payload: {
					title: d.title,
					body: d.payload.short ?? d.message,
					url: d.payload.link ?? '/',
					tag: key
				},
				idempotencyKey: key,
				ttlSeconds: 3600
			});
			first ??= sent;
			await runAsService(
				sql,
				(tx) =>
					tx`update public.push_subscriptions set last_used_at = now() where id = ${target.id}`
			);
		} catch (error) {
			if (error instanceof PermanentChannelError && error.reason === 'gone') {
				await runAsService(
					sql,
					(tx) => tx`delete from public.push_subscriptions where id = ${target.id}`
				);
				lastError ??= error;
				continue;
			}
			lastError = error;
		}
	}
	if (first) return first;
	throw lastError ?? new PermanentChannelError('no push subscription', 'gone');
}
