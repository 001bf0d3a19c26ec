/**
 * Production's workflow engine: the same dispatch, reminder and delivery code as the embedded
 * pg-boss engine, as Inngest functions served at /api/inngest. Inngest owns the sleeps (until
 * each 24 h / 2 h / 30 min mark), retries and de-duplication (event ids derived from the
 * delivery or the mark); a cron relay every minute is the outbox's safety net, and a
 * reminder run is cancelled by `session/cancelled` (a moved mark is refused at fire time).
 */
import { Inngest } from 'inngest';
import type { Sql } from 'postgres';
import type { Channels } from '$lib/server/channels/types';
import { deliver } from './deliver.server';
import { fireReminder, type Links, type Scheduler, type Work } from './dispatch.server';
import { drainOutbox, sweepWork } from './sweep.server';

export interface InngestDeps {
	sql: Sql;
	channels: Channels;
	links: Links;
}

export const DELIVER_RETRIES = 5;

/** A scheduler that only collects: Inngest events are sent by a step once the work is committed. */
function collector() {
	const work: Work = { deliveries: [], reminders: [] };
	const scheduler: Scheduler = {
		async schedule(_tx, more) {
			work.deliveries.push(...more.deliveries);
			work.reminders.push(...more.reminders);
		}
	};
	return { work, scheduler };
}

type Outgoing = { name: string; id: string; data: Record<string, unknown> };

/** The events that carry `work` on: one per delivery, one reminder run per session mark. */
export function eventsFor(work: Work): Outgoing[] {
	return [
		...work.deliveries.map((d) => ({
			name: 'notification/deliver',
			id: d.resends ? `delivery-${d.id}-resend-${d.resends}` : `delivery-${d.id}`,
			data: { id: d.id, startAfter: d.startAfter.toISOString() }
		})),
		...work.reminders.map((r) => ({
			name: 'session/reminder',
			id: `reminder-${r.id}-${r.dueAt.getTime()}`,
			data: { id: r.id, dueAt: r.dueAt.toISOString(), sessionId: r.sessionId ?? null }
		}))
	];
}

export function createInngestFunctions(
	deps: () => Promise<InngestDeps>,
	client = new Inngest({ id: 'nexus-sessions' })
) {
	const relay = client.createFunction(
		{
			id: 'outbox-relay',
			triggers: [{ cron: '* * * * *' }, { event: 'outbox/pending' }],
			concurrency: 1
		},
		async ({ step }) => {
			const events = await step.run('dispatch', async () => {
				const { sql, links } = await deps();
				const { work, scheduler } = collector();
				await drainOutbox(sql, scheduler, links);
				const swept = await sweepWork(sql);
				return eventsFor({
					deliveries: [...work.deliveries, ...swept.deliveries],
					reminders: [...work.reminders, ...swept.reminders]
				});
			});
			if (events.length) await step.sendEvent('schedule', events);
			return { scheduled: events.length };
		}
	);

	const remind = client.createFunction(
		{
			id: 'session-reminder',
			triggers: [{ event: 'session/reminder' }],
			cancelOn: [{ event: 'session/cancelled', match: 'data.sessionId' }]
		},
		async ({ event, step }) => {
			await step.sleepUntil('until-the-mark', new Date(event.data.dueAt));
			const events = await step.run('remind', async () => {
				const { sql, links } = await deps();
				const { work, scheduler } = collector();
				const outcome = await fireReminder(
					sql,
					scheduler,
					links,
					event.data.id,
					new Date(event.data.dueAt)
				);
				return { outcome, events: eventsFor(work) };
			});
			if (events.events.length) await step.sendEvent('deliver', events.events);
			return events.outcome;
		}
	);

	const send = client.createFunction(
		{
			id: 'notification-deliver',
			triggers: [{ event: 'notification/deliver' }],
			retries: DELIVER_RETRIES
		},
		async ({ event, step, attempt }) => {
			const at = new Date(event.data.startAfter);
			if (at.getTime() > Date.now()) await step.sleepUntil('until-due', at);
			return step.run('send', async () => {
				const { sql, channels } = await deps();
				return deliver(sql, channels, event.data.id, { final: attempt >= DELIVER_RETRIES });
			});
		}
	);

	return { client, functions: [relay, remind, send], relay, remind, send };
}
