/**
 * The embedded home's live hub: ONE reader per server process, however many browsers listen.
 * It tails `realtime.messages` (the rows `realtime.send` writes, as Supabase Realtime reads
 * them in production) every `intervalMs`, and hands each subscriber the rows of its topics.
 *
 * Why a horizon and not the row id: ids are taken at insert, rows become visible at commit,
 * so a row with a smaller id can appear after a larger one was read. The hub reads only rows
 * whose transaction is older than every transaction still running (`pg_snapshot_xmin`): those
 * are settled for good, so a cursor on that horizon never skips one. A long transaction holds
 * events back for its duration, never loses them.
 *
 * No NOTIFY: pg_notify takes a database-wide lock at commit (measured ×0.72 on booking
 * throughput); this costs one indexed read per interval per process.
 */
import type { Sql } from 'postgres';
import type { LiveMessage } from '$lib/core/live';

export interface Batch {
	/** Resume from here to get this batch again (events of one batch share it). */
	from: string;
	/** Resume from here once the whole batch is in. */
	to: string;
	messages: LiveMessage[];
}

export interface Subscriber {
	topics: ReadonlySet<string>;
	/** Rows of the subscriber's topics (possibly none: `to` still moves). */
	deliver(batch: Batch): void;
	/** The cursor is older than what is kept: the client must reload what it shows. */
	reset(to: string): void;
	/** The server is stopping: close the stream (the browser reconnects elsewhere). */
	end(): void;
}

interface Pending {
	subscriber: Subscriber;
	cursor: string | null;
}

export interface HubOptions {
	intervalMs?: number;
	/** Rows older than this are deleted (embedded home only; Supabase cleans its own). */
	retentionMs?: number;
}

export class LiveHub {
	private cursor: string | null = null;
	private readonly subscribers = new Set<Subscriber>();
	private readonly pending: Pending[] = [];
	private timer: ReturnType<typeof setTimeout> | null = null;
	private running = false;
	private stopped = false;
	/** Rows below this horizon may have been purged by this process. */
	private purgedBelow = '0';
	private lastPurge = 0;
	private readonly intervalMs: number;
	private readonly retentionMs: number;

	constructor(
		private readonly sql: Sql,
		options: HubOptions = {}
	) {
		this.intervalMs = options.intervalMs ?? 100;
		this.retentionMs = options.retentionMs ?? 86_400_000;
	}

	get size() {
		return this.subscribers.size;
	}

	/** Start receiving; `cursor` (from a reconnecting client) replays what it missed first. */
	subscribe(subscriber: Subscriber, cursor: string | null = null): () => void {
		this.pending.push({ subscriber, cursor });
		this.wake();
		return () => {
			this.subscribers.delete(subscriber);
			const i = this.pending.findIndex((p) => p.subscriber === subscriber);
			if (i >= 0) this.pending.splice(i, 1);
		};
	}

	stop() {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		for (const s of [...this.subscribers, ...this.pending.map((p) => p.subscriber)]) s.end();
		this.subscribers.clear();
		this.pending.length = 0;
	}

	private wake() {
		if (this.stopped || this.running || this.timer) return;
		this.timer = setTimeout(() => void this.tick(), 0);
	}

	private async tick() {
		this.timer = null;
		this.running = true;
		try {
			await this.step();
		} catch (error) {
			console.error('[live] read failed:', (error as Error).message);
		} finally {
			this.running = false;
			if (!this.stopped && (this.subscribers.size || this.pending.length)) {
				this.timer = setTimeout(() => void this.tick(), this.intervalMs);
			} else {
				// Nobody listens: the next subscriber starts from the horizon of its arrival.
				this.cursor = null;
			}
		}
	}

	/** One turn: new subscribers catch up to the hub's cursor, then everyone gets what is new. */
	private async step() {
		// First, so a replay below knows whether what it needs is still there.
		await this.purge();
		const horizon = await this.horizon();
		this.cursor ??= horizon;
		for (const { subscriber, cursor } of this.pending.splice(0)) {
			if (cursor !== null && BigInt(cursor) < BigInt(this.cursor)) {
				if (BigInt(cursor) < BigInt(this.purgedBelow)) subscriber.reset(this.cursor);
				else {
					const rows = await this.read(cursor, this.cursor, [...subscriber.topics]);
					subscriber.deliver({ from: cursor, to: this.cursor, messages: rows });
				}
			}
			this.subscribers.add(subscriber);
		}
		if (BigInt(horizon) > BigInt(this.cursor)) {
			const from = this.cursor;
			const listened = new Set<string>();
			for (const s of this.subscribers) for (const t of s.topics) listened.add(t);
			const rows = listened.size ? await this.read(from, horizon, [...listened]) : [];
			this.cursor = horizon;
			for (const s of this.subscribers) {
				const mine = rows.filter((r) => s.topics.has(r.topic));
				if (mine.length) s.deliver({ from, to: horizon, messages: mine });
			}
		}
	}

	/** The current horizon: every transaction below it has committed or aborted. */
	async horizon(): Promise<string> {
		const [row] = await this.sql<{ h: string }[]>`
			select pg_snapshot_xmin(pg_current_snapshot())::text as h`;
		return row!.h;
	}

	private read(from: string, to: string, topicList: string[]): Promise<LiveMessage[]> {
		return this.sql<LiveMessage[]>`
			select id::text as id, topic, event, coalesce(payload, '{}'::jsonb) as payload
			from realtime.messages
			where txid >= ${from}::xid8 and txid < ${to}::xid8 and topic = any(${topicList}::text[])
			order by txid, id`;
	}

	private async purge() {
		if (Date.now() - this.lastPurge < 60_000) return;
		this.lastPurge = Date.now();
		const [row] = await this.sql<{ h: string | null }[]>`
			with gone as (
				delete from realtime.messages
				where inserted_at < now() - ${this.retentionMs / 1000} * interval '1 second'
				returning txid)
			select (max(txid)::text::numeric + 1)::text as h from gone`;
		if (row?.h && BigInt(row.h) > BigInt(this.purgedBelow)) this.purgedBelow = row.h;
	}
}
