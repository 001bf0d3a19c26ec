import { createHash } from 'node:crypto';
import type { ReservedSql, Sql } from 'postgres';

export interface SqlFile {
	/** File name, e.g. `20261124090000_extensions_and_types.sql`. */
	name: string;
	sql: string;
}

export interface MigrationReport {
	platformApplied: boolean;
	applied: string[];
	total: number;
	freshDatabase: boolean;
}

const RUNNER = 'nexus-runner';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `20261124090000_extensions_and_types.sql` → version and name, as the Supabase CLI records them. */
export function parseMigrationName(file: string): { version: string; name: string } {
	const match = /^(\d{14})_(.+)\.sql$/.exec(file);
	if (!match) throw new Error(`Migration file name must be <14 digits>_<name>.sql: ${file}`);
	return { version: match[1]!, name: match[2]! };
}

/** BEGIN/COMMIT by hand: a reserved connection has no `begin()` of its own. */
async function inTransaction<T>(db: ReservedSql, fn: (db: ReservedSql) => Promise<T>): Promise<T> {
	await db`begin`;
	try {
		const result = await fn(db);
		await db`commit`;
		return result;
	} catch (error) {
		await db`rollback`;
		throw error;
	}
}

/** A Supabase project has GoTrue's own bookkeeping table; a plain PostgreSQL does not. */
export async function isSupabaseDatabase(sql: Sql | ReservedSql): Promise<boolean> {
	const [row] = await sql<{ supabase: boolean }[]>`
		select to_regclass('auth.schema_migrations') is not null as supabase`;
	return row?.supabase ?? false;
}

/**
 * Apply the platform shim (plain PostgreSQL only) and then every pending
 * migration, in order, each in its own transaction, recording them in
 * `supabase_migrations.schema_migrations` like the Supabase CLI. Refuses to
 * go on when a migration this runner recorded has changed since: landed
 * migrations are append-only.
 */
export async function migrate(
	sql: Sql,
	files: { platform: SqlFile; migrations: SqlFile[] }
): Promise<MigrationReport> {
	// One runner at a time (several server processes may boot together): a
	// session-level advisory lock held on one reserved connection.
	const db = await sql.reserve();
	try {
		await db`select pg_advisory_lock(7461237)`;
		return await applyPending(db, files);
	} finally {
		await db`select pg_advisory_unlock(7461237)`.catch(() => {});
		db.release();
	}
}

async function applyPending(
	sql: ReservedSql,
	files: { platform: SqlFile; migrations: SqlFile[] }
): Promise<MigrationReport> {
	{
		const supabase = await isSupabaseDatabase(sql);
		if (!supabase) await inTransaction(sql, (tx) => tx.unsafe(files.platform.sql));

		await inTransaction(sql, async (tx) => {
			await tx`create schema if not exists supabase_migrations`;
			await tx`create table if not exists supabase_migrations.schema_migrations (
				version text primary key, statements text[], name text,
				created_by text, idempotency_key text, rollback text[])`;
		});
		const recorded = await sql<
			{ version: string; statements: string[] | null; created_by: string | null }[]
		>`
			select version, statements, created_by from supabase_migrations.schema_migrations`;
		const byVersion = new Map(recorded.map((r) => [r.version, r]));
		const freshDatabase = recorded.length === 0;

		const ordered = [...files.migrations].sort((a, b) => a.name.localeCompare(b.name));
		const applied: string[] = [];
		for (const file of ordered) {
			const { version, name } = parseMigrationName(file.name);
			const known = byVersion.get(version);
			if (known) {
				// Only rows this runner wrote carry a hash; the CLI's rows hold split statements.
				if (known.created_by === RUNNER && known.statements?.[0] !== sha256(file.sql)) {
					throw new Error(
						`Migration ${file.name} changed after it was applied. Landed migrations are append-only: restore it and add a new migration.`
					);
				}
				continue;
			}
			await inTransaction(sql, async (tx) => {
				await tx.unsafe(file.sql);
				await tx`insert into supabase_migrations.schema_migrations (version, name, statements, created_by)
					values (${version}, ${name}, ${[sha256(file.sql)]}, ${RUNNER})`;
			});
			applied.push(file.name);
		}
		return { platformApplied: !supabase, applied, total: ordered.length, freshDatabase };
	}
}

/** Count of recorded migrations (for /api/health). */
export async function countMigrations(sql: Sql): Promise<number> {
	const [row] = await sql<{ n: number }[]>`
		select count(*)::int as n from supabase_migrations.schema_migrations`;
	return row?.n ?? 0;
}

/**
 * Load demo data once per database: Supabase's CLI tracks seeds in
 * `supabase_migrations.seed_files`; we use the same table.
 */
export async function seedOnce(sql: Sql, seed: SqlFile): Promise<boolean> {
	return sql.begin(async (tx) => {
		await tx`create table if not exists supabase_migrations.seed_files (path text primary key, hash text not null)`;
		const [done] = await tx`select 1 from supabase_migrations.seed_files where path = ${seed.name}`;
		if (done) return false;
		await tx.unsafe(seed.sql);
		await tx`insert into supabase_migrations.seed_files (path, hash) values (${seed.name}, ${sha256(seed.sql)})`;
		return true;
	});
}
