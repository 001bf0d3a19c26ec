import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql } from '../support/db';
import { FIXTURE_PASSWORD, signedInCoach } from '../support/fixture-accounts';
import { postForm, signInCookie } from '../support/forms';

let sql: Sql;
let coachId: string;
let cookie: string;

beforeAll(async () => {
	sql = adminSql(2);
	coachId = (await signedInCoach(sql)).id;
	const [user] = await sql<{ email: string }[]>`select email from auth.users where id = ${coachId}`;
	cookie = await signInCookie(user!.email, FIXTURE_PASSWORD);
});
afterAll(() => sql.end({ timeout: 5 }));

const zoneOf = async () =>
	(
		await sql<{ time_zone: string }[]>`select time_zone from public.profiles where id = ${coachId}`
	)[0]!.time_zone;

const save = (timeZone: string) =>
	postForm('/coach/profile', { timeZone, phone: '', notifyEmail: 'on' }, { cookie });

describe("a coach's time zone is one of the supported names, spelt exactly", () => {
	it('a supported zone is saved', async () => {
		expect((await save('America/Martinique')).status).toBe(200);
		expect(await zoneOf()).toBe('America/Martinique');
		expect((await save('UTC')).status).toBe(200);
		expect(await zoneOf()).toBe('UTC');
	});

	it.each(['europe/paris', 'Etc/GMT+5', 'Mars/Olympus_Mons', `Europe/Paris${'x'.repeat(30)}`])(
		'%s is refused with a field error and nothing changes',
		async (zone) => {
			const before = await zoneOf();
			const res = await save(zone);
			expect(res.status).toBe(400);
			expect(await zoneOf()).toBe(before);
		}
	);
});
