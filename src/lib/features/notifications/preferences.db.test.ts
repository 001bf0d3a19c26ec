import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, adminSql, makeUser } from '../../../../tests/support/db';
import { readPreferences, savePreferences } from './preferences.server';
import { PreferencesSchema } from './schemas';

let sql: Sql;
beforeAll(() => {
	sql = adminSql(4);
});
afterAll(() => sql.end());

describe('notification preferences', () => {
	it('start from the default routing, store only what differs, and keep quiet hours', async () => {
		const parent = await makeUser(sql, 'parent');
		const as = actAs(sql, parent);
		const before = await as(readPreferences);
		expect(before.choices['SESSION_BOOKED:EMAIL']).toBe(true);
		expect(before.choices['SESSION_REMINDER:SMS']).toBe(true);
		expect(before.choices['SESSION_CONFIRMED:PUSH']).toBe(false);
		const input = PreferencesSchema.parse({
			choices: { ...before.choices, 'SESSION_BOOKED:EMAIL': false, 'SESSION_CONFIRMED:PUSH': true },
			quietHours: { start: '22:00', end: '07:00' }
		});
		await as((tx) => savePreferences(tx, input));
		const stored =
			await sql`select type::text, method::text, enabled from public.notification_preferences
			where user_id = ${parent} order by type, method`;
		expect(stored).toEqual([
			{ type: 'SESSION_BOOKED', method: 'EMAIL', enabled: false },
			{ type: 'SESSION_CONFIRMED', method: 'PUSH', enabled: true }
		]);
		const after = await as(readPreferences);
		expect(after.quietHours).toEqual({ start: '22:00', end: '07:00' });
		expect(after.choices['SESSION_BOOKED:EMAIL']).toBe(false);
		// Back to the default: the stored row goes.
		await as((tx) =>
			savePreferences(tx, {
				...input,
				choices: before.choices,
				quietHours: { start: null, end: null }
			})
		);
		expect(
			await sql`select 1 from public.notification_preferences where user_id = ${parent}`
		).toHaveLength(0);
	});

	it('refuses half-set or empty quiet hours and unknown types', () => {
		const choices = { 'SESSION_BOOKED:EMAIL': true };
		expect(
			PreferencesSchema.safeParse({ choices, quietHours: { start: '22:00', end: null } }).success
		).toBe(false);
		expect(
			PreferencesSchema.safeParse({ choices, quietHours: { start: '22:00', end: '22:00' } }).success
		).toBe(false);
		expect(
			PreferencesSchema.safeParse({ choices, quietHours: { start: '25:00', end: '07:00' } }).success
		).toBe(false);
		expect(
			PreferencesSchema.safeParse({
				choices: { 'CREDITS_GRANTED:EMAIL': true },
				quietHours: { start: null, end: null }
			}).success
		).toBe(false);
	});

	it('no one reads or writes another person’s choices (RLS)', async () => {
		const [a, b] = [await makeUser(sql, 'parent'), await makeUser(sql, 'parent')];
		await sql`insert into public.notification_preferences (user_id, type, method, enabled) values (${a}, 'SESSION_BOOKED', 'EMAIL', false)`;
		const seen = await actAs(
			sql,
			b
		)((tx) => tx`select * from public.notification_preferences where user_id = ${a}`);
		expect(seen).toHaveLength(0);
		await expect(
			actAs(
				sql,
				b
			)(
				(tx) =>
					tx`insert into public.notification_preferences (user_id, type, method, enabled) values (${a}, 'SESSION_BOOKED', 'SMS', true)`
			)
		).rejects.toThrow(/row-level security/);
	});
});
