import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';
import { runAsService } from '$lib/server/db/as-user';
import { dispatchEvents, type Links, type Scheduler, type Work } from './dispatch.server';

/**
 * A job id derived from what the job is for: scheduling the same delivery or the same
 * reminder mark twice (the dispatcher, then the sweep) finds the first job and adds none.
 */
export function jobId(name: string): string {
	const h = createHash('sha256').update(name).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * What a delivery's job is for: the delivery, and for a resent one the round, since the failed
 * round's job keeps its id (pg-boss would take a second send of it for a duplicate).
 */
export const deliveryJobName = (id: string, resends = 0) =>
	resends > 0 ? `delivery:${id}:resend:${resends}` : `delivery:${id}`;

/**
 * The safety net's work: deliveries still waiting a minute after they were due, and reminder
 * marks due within a day, whose jobs may never have been scheduled (an event dispatched by
 * a server that died before its engine sent, an engine switched on later).
 */
export function sweepWork(sql: Sql): Promise<Work> {
	return runAsService(sql, async (tx) => {
		const deliveries = await tx<{ id: string; next_attempt_at: Date; resends: number }[]>`
			select id, next_attempt_at, resends from public.session_notifications
			where status in ('PENDING', 'SENDING') and method <> 'IN_APP'
			  and next_attempt_at < now() - interval '1 minute'
			order by next_attempt_at limit 500`;
		const reminders = await tx<{ id: string; due_at: Date }[]>`
			select id, due_at from public.session_reminders
			where status = 'PENDING' and due_at < now() + interval '25 hours'
			order by due_at limit 500`;
		return {
			deliveries: deliveries.map((d) => ({
				id: d.id,
				startAfter: d.next_attempt_at,
				resends: d.resends
			})),
			reminders: reminders.map((r) => ({ id: r.id, dueAt: r.due_at }))
		};
	});
}

/** Expand the outbox until a look finds nothing left; returns how many events were dispatched. */
export async function drainOutbox(sql: Sql, scheduler: Scheduler, links: Links): Promise<number> {
	let total = 0;
	for (let n = await dispatchEvents(sql, scheduler, links); n > 0;) {
		total += n;
		n = await dispatchEvents(sql, scheduler, links);
	}
	return total;
}
