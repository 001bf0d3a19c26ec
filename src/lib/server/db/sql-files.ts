import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlFile } from './migrate';

export interface ProjectSqlFiles {
	platform: SqlFile;
	migrations: SqlFile[];
	seed: SqlFile;
	/** The demo week (sessions relative to now), loaded once after `seed` by the app. */
	demoWeek: SqlFile;
}

/**
 * Read the SQL files from `supabase/` on disk (scripts, tests, benchmarks).
 * The app itself bundles them at build time (see `bundled-sql.ts`), so a
 * deployed server never depends on its working directory.
 */
export async function readProjectSqlFiles(root = process.cwd()): Promise<ProjectSqlFiles> {
	const dir = path.join(root, 'supabase');
	const read = async (rel: string): Promise<SqlFile> => ({
		name: path.basename(rel),
		sql: await readFile(path.join(dir, rel), 'utf8')
	});
	const names = (await readdir(path.join(dir, 'migrations'))).filter((n) => n.endsWith('.sql'));
	return {
		platform: await read('platform/platform.sql'),
		migrations: await Promise.all(names.sort().map((n) => read(path.join('migrations', n)))),
		seed: await read('seed.sql'),
		demoWeek: await read('seed-week.sql')
	};
}
