import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { fileSql } from '../../../../tests/support/db';
import { privateDatabase } from '../../../../tests/support/test-database';
import { LiveHub, type Batch } from './hub';

const sql = fileSql();
const hub = new LiveHub(sql, { intervalMs: 20 });
afterAll(() => hub.stop());

/** A subscriber that records what it is handed. */
function recorder(topics: string[]) {
	const batches: Batch[] = [];
	const resets: string[] = [];
	let ended = false;
	return {
		topics: new Set(topics),
		deliver: (b: Batch) => batches.push(b),
		reset: (to: string) => resets.push(to),
		end: () => (ended = true),
		batches,
		resets,
		ended: () => ended,
		payloads: () => batches.flatMap((b) => b.messages.map((m) => m.payload.n))
	};
}

const topic = () => `user:${randomUUID()}`;
const send = (t: string, n: number) =>
	sql`select realtime.send(${sql.json({ n })}, 'test', ${t}, true)`;

describe('the live hub', () => {
	it('hands a committed message to the subscribers of its topic only', async () => {
		const [mine, other] = [topic(), topic()];
		const a = recorder([mine]);
		const b = recorder([other]);
		const offA = hub.subscribe(a);
		const offB = hub.subscribe(b);
		await expect.poll(() => hub.size).toBeGreaterThanOrEqual(2);
		await send(mine, 1);
		await expect.poll(() => a.payloads()).toEqual([1]);
		expect(b.payloads()).toEqual([]);
		offA();
		offB();
	});

	it('never skips a message whose transaction commits after a later one', async () => {
		const t = topic();
		const r = recorder([t]);
		const off = hub.subscribe(r);
		await expect.poll(() => hub.size).toBeGreaterThanOrEqual(1);
		const slow = await sql.reserve();
		try {
			// The slow transaction writes first (smaller id) and commits last.
			await slow`begin`;
			await slow`select realtime.send(${sql.json({ n: 1 })}, 'test', ${t}, true)`;
			await send(t, 2);
			await new Promise((resolve) => setTimeout(resolve, 200));
			await slow`commit`;
		} finally {
			slow.release();
		}
		await expect.poll(() => r.payloads().sort()).toEqual([1, 2]);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(r.payloads()).toHaveLength(2);
		off();
	});

	it('replays what a reconnecting subscriber missed, from its cursor', async () => {
		const t = topic();
		const first = recorder([t]);
		const off = hub.subscribe(first);
		await send(t, 1);
		await expect.poll(() => first.payloads()).toEqual([1]);
		const cursor = first.batches.at(-1)!.to;
		off();
		// Disconnected: two changes happen.
		await send(t, 2);
		await send(t, 3);
		const again = recorder([t]);
		const offAgain = hub.subscribe(again, cursor);
		await expect.poll(() => again.payloads()).toEqual([2, 3]);
		offAgain();
	});

	it('replays a whole batch when reconnecting from its start (the client drops duplicates)', async () => {
		const t = topic();
		const r = recorder([t]);
		const off = hub.subscribe(r);
		await sql.begin(async (tx) => {
			await tx`select realtime.send(${sql.json({ n: 1 })}, 'test', ${t}, true)`;
			await tx`select realtime.send(${sql.json({ n: 2 })}, 'test', ${t}, true)`;
		});
		await expect.poll(() => r.payloads()).toEqual([1, 2]);
		off();
		const again = recorder([t]);
		const offAgain = hub.subscribe(again, r.batches[0]!.from);
		await expect.poll(() => again.payloads()).toEqual([1, 2]);
		expect(again.batches[0]!.messages.map((m) => m.id)).toEqual(
			r.batches[0]!.messages.map((m) => m.id)
		);
		offAgain();
	});

	it('tells a subscriber whose cursor is older than what is kept to reload', async () => {
		// A database of its own: this hub deletes every message.
		const db = await privateDatabase(inject('databaseUrl'));
		const own = postgres(db.url, { max: 2, onnotice: () => {} });
		// A negative retention keeps nothing, even a row written in this very microsecond.
		const purging = new LiveHub(own, { intervalMs: 20, retentionMs: -60_000 });
		const send = (t: string, n: number) =>
			own`select realtime.send(${own.json({ n })}, 'test', ${t}, true)`;
		try {
			const t = topic();
			// A subscriber learned this cursor, then a message came while it was away…
			const cursor = await purging.horizon();
			await send(t, 1);
			// …and this hub's first turn deletes every row (it keeps none).
			const late = recorder([t]);
			purging.subscribe(late, cursor);
			await expect.poll(() => late.resets.length + late.batches.length).toBeGreaterThan(0);
			expect(late.resets).toHaveLength(1);
			expect(late.payloads()).toEqual([]);
		} finally {
			purging.stop();
			await own.end({ timeout: 5 });
			await db.drop();
		}
	});

	it('closes every stream when the server stops', () => {
		const other = new LiveHub(sql);
		const r = recorder([topic()]);
		other.subscribe(r);
		other.stop();
		expect(r.ended()).toBe(true);
	});
});
