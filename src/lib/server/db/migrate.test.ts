import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { countMigrations, migrate, parseMigrationName, seedOnce } from './migrate';
import { readProjectSqlFiles, type ProjectSqlFiles } from './sql-files';

/** The runner against a brand-new database in the run's embedded cluster. */
const admin = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
const name = `migrate_test_${process.pid}`;
let sql: postgres.Sql;
let files: ProjectSqlFiles;

beforeAll(async () => {
	files = await readProjectSqlFiles();
	await admin.unsafe(`create database ${name}`);
	const url = new URL(inject('databaseUrl'));
	url.pathname = `/${name}`;
	sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
});

afterAll(async () => {
	await sql.end();
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.end();
});

describe('migration runner', () => {
	it('reads the CLI naming scheme and refuses anything else', () => {
		expect(parseMigrationName('20261124090000_extensions_and_types.sql')).toEqual({
			version: '20261124090000',
			name: 'extensions_and_types'
		});
		expect(() => parseMigrationName('schema.sql')).toThrow(/14 digits/);
	});

	it('applies the platform shim and every migration once, in order, then nothing', async () => {
		const first = await migrate(sql, files);
		expect(first.platformApplied).toBe(true);
		expect(first.freshDatabase).toBe(true);
		expect(first.applied).toEqual(files.migrations.map((f) => f.name));
		const second = await migrate(sql, files);
		expect(second.applied).toEqual([]);
		expect(await countMigrations(sql)).toBe(files.migrations.length);
	});

	it('loads the seed only once', async () => {
		expect(await seedOnce(sql, files.seed)).toBe(true);
		expect(await seedOnce(sql, files.seed)).toBe(false);
		const [row] = await sql<{ n: number }[]>`select count(*)::int as n from public.profiles`;
		expect(row!.n).toBe(11);
	});

	it('refuses to start when a landed migration was edited', async () => {
		const edited = files.migrations.map((f, i) =>
			i === 0 ? { ...f, sql: f.sql + '\n-- edited\n' } : f
		);
		await expect(migrate(sql, { ...files, migrations: edited })).rejects.toThrow(
			/changed after it was applied/
		);
	});

	it('rolls back a failing migration entirely and records nothing for it', async () => {
		const broken = {
			name: '29991231000000_broken.sql',
			sql: 'create table public.half_done (id int); select 1/0;'
		};
		await expect(
			migrate(sql, { ...files, migrations: [...files.migrations, broken] })
		).rejects.toThrow();
		const [row] = await sql<
			{ t: string | null }[]
		>`select to_regclass('public.half_done')::text as t`;
		expect(row!.t).toBeNull();
		expect(await countMigrations(sql)).toBe(files.migrations.length);
	});
});
