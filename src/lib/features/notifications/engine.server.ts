/**
 * The embedded default's workflow engine: pg-boss (10.4, the line that runs on Node 20) on
 * the app's own database, in the server process. It owns locking, scheduling (startAfter),
 * retries with exponential backoff and crash recovery: a job held by a killed worker
 * expires after `expireInSeconds` and pg-boss's maintenance (every
 * `maintenanceIntervalSeconds`) puts it back for a retry — with the defaults below a crashed
 * delivery is retried within 30 + 5 + 2 s, under a minute. Several servers may run it on
 * one database: jobs are claimed with SKIP LOCKED, deliveries are keyed and idempotent.
 */
import PgBoss from 'pg-boss';
import type { Sql } from 'postgres';
import type { Channels } from '$lib/server/channels/types';
import type { Tx } from '$lib/server/db';
import { deliver } from './deliver.server';
import { fireReminder, type Links, type Scheduler, type Work } from './dispatch.server';
import { deliveryJobName, drainOutbox, jobId, sweepWork } from './sweep.server';

export const QUEUES = {
	deliver: 'notification-deliver',
	remind: 'notification-remind',
	sweep: 'notification-sweep'
};

export interface EngineOptions {
	url: string;
	sql: Sql;
	channels: Channels;
	links: Links;
	/** Seconds before a job held by a silent worker is retried (crash recovery). */
	expireInSeconds?: number;
	maintenanceIntervalSeconds?: number;
	/** First retry delay in seconds (doubled each time, with jitter). */
	retryDelaySeconds?: number;
	retryLimit?: number;
	pollingIntervalSeconds?: number;
	/** How often the outbox is looked at for new events (ms). */
	outboxPollMs?: number;
}

export interface Engine {
	boss: PgBoss;
	/** Expand pending outbox events now (also run on NOTIFY and by the sweep). */
	dispatch(): Promise<number>;
	/** Schedule work decided outside the engine (a resent delivery), in a transaction of its own. */
	schedule(work: Work): Promise<void>;
	stop(): Promise<void>;
}

/** pg-boss's insert, run on our transaction (postgres.js) so a job exists iff its rows do. */
const onTransaction = (tx: Tx) => ({
	executeSql: async (text: string, values: unknown[]) => ({
		// pg-boss leaves unset options undefined; postgres.js wants null.
		rows: await tx.unsafe(text, values.map((v) => (v === undefined ? null : v)) as never[])
	})
});

export async function startEngine(options: EngineOptions): Promise<Engine> {
	const expireInSeconds = options.expireInSeconds ?? 30;
	const retry = {
		retryLimit: options.retryLimit ?? 6,
		retryDelay: options.retryDelaySeconds ?? 2,
		retryBackoff: true,
		expireInSeconds
	};
	const boss = new PgBoss({
		connectionString: options.url,
		schema: 'pgboss',
		max: 3,
		application_name: 'nexus-notifications',
		maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 5,
		monitorStateIntervalSeconds: 60,
		...retry
	});
	boss.on('error', (error) => console.error('[notifications] engine error:', error.message));
	// Several servers starting together on one database (a deploy, tests/start/two-servers) must
	// not set pg-boss up at once: two processes creating the same queues deadlocked, and one
	// server died at boot. One at a time, under a session lock on a connection of our own.
	const setup = await options.sql.reserve();
	try {
		await setup`select pg_advisory_lock(hashtext('nexus:pg-boss setup'))`;
		await boss.start();
		for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, ...retry });
		// The service role schedules jobs from inside its own transactions.
		await setup.unsafe(`grant usage on schema pgboss to service_role;
			grant select, insert, update on all tables in schema pgboss to service_role`);
	} finally {
		await setup`select pg_advisory_unlock(hashtext('nexus:pg-boss setup'))`.catch(() => {});
		setup.release();
	}

	const scheduler: Scheduler = {
		async schedule(tx: Tx, work: Work) {
			const db = onTransaction(tx);
			for (const d of work.deliveries)
				await boss.send(
					QUEUES.deliver,
					{ id: d.id },
					{ id: jobId(deliveryJobName(d.id, d.resends)), startAfter: d.startAfter, db }
				);
			for (const r of work.reminders)
				await boss.send(
					QUEUES.remind,
					{ id: r.id, dueAt: r.dueAt.toISOString() },
					{ id: jobId(`reminder:${r.id}:${r.dueAt.getTime()}`), startAfter: r.dueAt, db }
				);
			if (work.deliveries.length) wake(deliverWorker);
		}
	};

	const polling = {
		pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
		includeMetadata: true as const
	};
	// pg-boss waits its polling interval after every fetch, even a full one; a full batch
	// means more are waiting, so each worker fetches again at once (measured in the bench:
	// 8 → 500 deliveries/s, and reminders falling due together no longer queue).
	const BATCH = 8;
	// Named before the work starts: a handler may run before `work` resolves.
	let deliverWorker = '';
	let remindWorker = '';
	deliverWorker = await boss.work<{ id: string }>(
		QUEUES.deliver,
		{ ...polling, batchSize: BATCH },
		async (jobs) => {
			await Promise.all(
				jobs.map((job) =>
					deliver(options.sql, options.channels, job.data.id, {
						final: job.retryCount >= job.retryLimit
					})
				)
			);
			if (jobs.length === BATCH && deliverWorker) wake(deliverWorker);
		}
	);
	remindWorker = await boss.work<{ id: string; dueAt: string }>(
		QUEUES.remind,
		{ ...polling, batchSize: BATCH },
		async (jobs) => {
			await Promise.all(
				jobs.map((job) =>
					fireReminder(options.sql, scheduler, options.links, job.data.id, new Date(job.data.dueAt))
				)
			);
			if (jobs.length === BATCH && remindWorker) wake(remindWorker);
		}
	);
	await boss.work(QUEUES.sweep, polling, async () => {
		await dispatchAll();
		const work = await sweepWork(options.sql);
		await options.sql.begin((tx) => scheduler.schedule(tx, work));
	});
	// The safety net: every minute, whatever NOTIFY missed.
	await boss.schedule(QUEUES.sweep, '* * * * *');

	function wake(workerId: string) {
		boss.notifyWorker(workerId);
	}

	let running: Promise<number> | null = null;
	let again = false;
	async function dispatchAll(): Promise<number> {
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			let total = 0;
			do {
				again = false;
				total += await drainOutbox(options.sql, scheduler, options.links);
			} while (again);
			return total;
		})().finally(() => (running = null));
		return running;
	}

	// New events are found by a cheap look at the outbox's pending index, not by NOTIFY: a
	// NOTIFY takes a database-wide lock at commit and serialised every booking's commit.
	let looking = false;
	const outbox = setInterval(async () => {
		if (looking) return;
		looking = true;
		try {
			const [row] = await options.sql<{ pending: boolean }[]>`
				select exists (select 1 from public.notification_events where dispatched_at is null) as pending`;
			if (row?.pending) await dispatchAll();
		} catch (error) {
			console.error('[notifications] dispatch failed:', (error as Error).message);
		} finally {
			looking = false;
		}
	}, options.outboxPollMs ?? 200);
	// The backlog (events written while no server ran) is worked through in the background:
	// awaiting it here held the server's start for as long as it took (minutes after a burst).
	dispatchAll().catch((error) => console.error('[notifications] dispatch failed:', error.message));

	return {
		boss,
		dispatch: dispatchAll,
		async schedule(work: Work) {
			await options.sql.begin((tx) => scheduler.schedule(tx, work));
		},
		async stop() {
			clearInterval(outbox);
			await boss.stop({ graceful: true, timeout: 5_000, wait: true });
		}
	};
}
