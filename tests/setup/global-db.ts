import type { TestProject } from 'vitest/node';
import { startTestDatabase } from '../support/test-database';

declare module 'vitest' {
	export interface ProvidedContext {
		databaseUrl: string;
	}
}

/** One embedded PostgreSQL for the whole vitest run. */
export default async function setup(project: TestProject) {
	const db = await startTestDatabase();
	project.provide('databaseUrl', db.url);
	return async () => {
		await db.stop();
	};
}
