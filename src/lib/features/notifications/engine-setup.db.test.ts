/**
 * Several server processes boot together on a fresh database (a deploy; the two-servers test
 * once died here: two pg-boss setups creating the same queues deadlocked). Engines started at
 * once on one new database must all come up.
 */
import postgres from 'postgres';
import { expect, inject, it } from 'vitest';
import type { Channels } from '$lib/server/channels/types';
import { privateDatabase } from '../../../../tests/support/test-database';
import { QUEUES, startEngine } from './engine.server';

it('four engines starting at once on a fresh database all start, with every queue once', async () => {
	const db = await privateDatabase(inject('databaseUrl'));
	// Each as its own server would: its own pool.
	const pools = [0, 1, 2, 3].map(() => postgres(db.url, { max: 3, onnotice: () => {} }));
	const refuse = async () => {
		throw new Error('nothing is sent in this test');
	};
	const channels: Channels = {
		email: refuse,
		sms: refuse,
		push: refuse,
		vapidPublicKey: 'unused',
		close: async () => {}
	};
	try {
		const started = await Promise.allSettled(
			pools.map((sql) =>
				startEngine({ url: db.url, sql, channels, links: { origin: 'https://x.example' } })
			)
		);
		const failures = started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
		expect(failures).toEqual([]);
		const queues = await pools[0]!<
			{ name: string }[]
		>`select name from pgboss.queue where name not like '\_\_pgboss%' order by name`;
		expect(queues.map((q) => q.name)).toEqual(Object.values(QUEUES).sort());
		for (const s of started) if (s.status === 'fulfilled') await s.value.stop();
	} finally {
		for (const sql of pools) await sql.end({ timeout: 5 });
		await db.drop();
	}
}, 60_000);
