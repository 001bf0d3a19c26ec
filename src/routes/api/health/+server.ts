import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { countMigrations } from '$lib/server/db/migrate';
import { api } from '$lib/server/http/handler';

export const GET = api(async () => {
	const db = await database();
	return json({ status: 'ok', database: db.mode, migrations: await countMigrations(db.sql) });
});
