import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/lib/server/db/embedded';
import { connect } from '../../src/lib/server/db/open';
import { migrate, seedOnce } from '../../src/lib/server/db/migrate';
import { readProjectSqlFiles } from '../../src/lib/server/db/sql-files';

const TEMPLATE = 'nexus_template';

export const withDatabase = (url: string, name: string) => {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
};

/**
 * A database of its own, copied from the run's migrated and seeded template (≈ 0.1 s), on
 * the run's cluster; dropped by `drop()`.
 */
export async function privateDatabase(clusterUrl: string) {
	const name = `nexus_${randomBytes(6).toString('hex')}`;
	const admin = connect(withDatabase(clusterUrl, 'template1'), { DATABASE_POOL_MAX: 1 });
	await admin.unsafe(`create database ${name} template ${TEMPLATE}`);
	return {
		url: withDatabase(clusterUrl, name),
		async drop() {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end({ timeout: 5 });
		}
	};
}

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
		await sql.end({ timeout: 5 });
		// A copy of the migrated, seeded database for tests that need one of their own
		// (`privateDatabase`): a job engine must not take another test file's work.
		const admin = connect(withDatabase(db.url, 'template1'), { DATABASE_POOL_MAX: 1 });
		await admin.unsafe(`create database ${TEMPLATE} template postgres`);
		await admin.end({ timeout: 5 });
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
