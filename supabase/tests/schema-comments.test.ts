import { describe, expect, it } from 'vitest';
import { fileSql } from '../../tests/support/db';

/**
 * The schema explains itself where it is read (`\d+`, Supabase's table editor,
 * supabase/schema/policies.sql): every table and every policy of the API
 * schema carries a `comment on`. A new table or policy without one fails here.
 */
const sql = fileSql();

describe('schema documentation', () => {
	it('every table in public has a comment', async () => {
		const missing = await sql<{ name: string }[]>`
			select c.relname as name from pg_class c
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'p')
			  and obj_description(c.oid, 'pg_class') is null
			order by 1`;
		expect(missing.map((r) => r.name)).toEqual([]);
	});

	it('every RLS policy in public has a comment', async () => {
		const missing = await sql<{ name: string }[]>`
			select c.relname || '.' || p.polname as name from pg_policy p
			join pg_class c on c.oid = p.polrelid
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and obj_description(p.oid, 'pg_policy') is null
			order by 1`;
		expect(missing.map((r) => r.name)).toEqual([]);
	});
});
