/** The process's live hub, opened with the database (embedded home). */
import { database, withUser, type JwtClaims } from '../db';
import { LiveHub } from './hub';

let hub: Promise<LiveHub> | undefined;

export function liveHub(): Promise<LiveHub> {
	hub ??= database().then((db) => {
		const h = new LiveHub(db.sql);
		// Open streams would hold adapter-node's graceful shutdown for its whole timeout.
		for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => h.stop());
		return h;
	});
	return hub;
}

export { liveStream } from './sse';
export type { LiveHub } from './hub';

/** The topics `claims` may not listen to (empty: all allowed), asked of `public.can_listen`. */
export async function refusedTopics(claims: JwtClaims, topics: string[]): Promise<string[]> {
	const rows = await withUser(
		claims,
		(tx) => tx<{ topic: string; ok: boolean }[]>`
			select t as topic, public.can_listen(t) as ok from unnest(${topics}::text[]) as t`
	);
	return rows.filter((r) => !r.ok).map((r) => r.topic);
}
