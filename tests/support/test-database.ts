import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/lib/server/db/embedded';
import { connect } from '../../src/lib/server/db/open';
import { migrate, seedOnce } from '../../src/lib/server/db/migrate';
import { readProjectSqlFiles } from '../../src/lib/server/db/sql-files';

/**
 * A throwaway embedded PostgreSQL, migrated and seeded with the demo data,
 * exactly as the app boots it. One per test run (global setup) or benchmark.
 */
export async function startTestDatabase() {
	const dataDir = await mkdtemp(path.join(tmpdir(), 'nexus-test-'));
	const db = await startEmbeddedPostgres(dataDir);
	const sql = connect(db.url, { DATABASE_POOL_MAX: 4 });
	try {
		const files = await readProjectSqlFiles();
		const report = await migrate(sql, files);
		await seedOnce(sql, files.seed);
		return {
			url: db.url,
			migrations: report.total,
			async stop() {
				await db.stop();
				await rm(dataDir, { recursive: true, force: true });
			}
		};
	} finally {
		await sql.end({ timeout: 5 });
	}
}
