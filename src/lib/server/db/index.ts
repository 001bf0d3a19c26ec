import { building } from '$app/environment';
import { readServerEnv } from '../config/env';
import { runAsService, runAsUser, type JwtClaims, type Tx } from './as-user';
import { bundledSqlFiles } from './bundled-sql';
import { openDatabase, type Database } from './open';

export type { JwtClaims, Tx } from './as-user';

// One connection pool per server process: shared infrastructure, not user
// state (no per-user data is ever kept here).
let opening: Promise<Database> | undefined;

export function database(): Promise<Database> {
	if (building) throw new Error('The database is not available while building');
	opening ??= openDatabase(readServerEnv(), bundledSqlFiles).then((db) => {
		registerShutdown(db);
		return db;
	});
	return opening;
}

function registerShutdown(db: Database) {
	let closing = false;
	const close = async () => {
		if (closing) return;
		closing = true;
		await db.close().catch((e) => console.error('[db] shutdown failed', e));
	};
	// adapter-node emits this after draining HTTP connections on SIGINT/SIGTERM.
	process.once('sveltekit:shutdown', close);
	// In `vite dev` nobody emits it: stop PostgreSQL ourselves on the signal.
	if (process.env.NODE_ENV !== 'production') {
		for (const signal of ['SIGINT', 'SIGTERM'] as const) {
			process.once(signal, () => void close().then(() => process.exit(0)));
		}
	}
}

export async function withUser<T>(claims: JwtClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return runAsUser((await database()).sql, claims, fn);
}

export async function withService<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
	return runAsService((await database()).sql, fn);
}
