import { afterAll, describe, expect, it } from 'vitest';
import { adminSql, failure } from '../../../../tests/support/db';
import { mapDatabaseError } from './db-errors';

const sql = adminSql(1);
afterAll(() => sql.end({ timeout: 5 }));

describe('database errors caused by the text a client sent', () => {
	it('a NUL byte in a text value is a 400, not a 500', async () => {
		const error = await failure(sql`select ${'a\u0000b'}::text as t`);
		expect(error.code).toBe('22021');
		expect(mapDatabaseError(error)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
	});

	it('a NUL escape inside jsonb is a 400, not a 500', async () => {
		// What postgres.js sends for a JSON parameter: JSON.stringify escapes U+0000 as \u0000.
		const error = await failure(sql`select ${sql.json({ note: 'a\u0000b' })}::jsonb as j`);
		expect(error.code).toBe('22P05');
		expect(mapDatabaseError(error)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
	});
});
