import { error as kitError } from '@sveltejs/kit';
import { building } from '$app/environment';
import { readServerEnv } from '../config/env';
import { isSessionEnded, runAsService, runAsUser, type JwtClaims, type Tx } from './as-user';
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

/**
 * A user's request in one transaction under RLS. A token whose sign-in session has ended
 * (signed out, refresh token replayed) is a 401 here, in pages and API alike; the
 * handle hook then clears that browser's cookies.
 */
export async function withUser<T>(claims: JwtClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
	const { sql } = await database();
	try {
		return await runAsUser(sql, claims, fn);
	} catch (error) {
		if (isSessionEnded(error)) kitError(401, { message: SESSION_ENDED, code: 'UNAUTHENTICATED' });
		throw error;
	}
}

export const SESSION_ENDED = 'This sign-in session has ended; sign in again';

export async function withService<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
	return runAsService((await database()).sql, fn);
}
