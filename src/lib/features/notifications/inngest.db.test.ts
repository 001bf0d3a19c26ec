/**
 * The Inngest functions with @inngest/test (Inngest Cloud cannot run here: its engine is
 * replaced by the test engine, sleeps are mocked), their steps running the real code against
 * the run's database.
 */
import { InngestTestEngine } from '@inngest/test';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Channels } from '$lib/server/channels/types';
import { bookedFixture, transition } from '../../../../supabase/tests/support/booking';
import { privateDatabase } from '../../../../tests/support/test-database';
import { createInngestFunctions } from './inngest.server';

let sql: Sql;
const sent: string[] = [];
const channels: Channels = {
	email: async (m) => {
		sent.push(`email:${m.to}`);
		return { providerId: `test-${m.idempotencyKey}` };
	},
	sms: async (m) => ({ providerId: m.to }),
	push: async () => ({ providerId: null }),
	vapidPublicKey: null,
	close: async () => {}
};
// A database of its own: the test app server's pg-boss engine must not deliver these too.
let db: Awaited<ReturnType<typeof privateDatabase>>;
beforeAll(async () => {
	db = await privateDatabase(inject('databaseUrl'));
	sql = postgres(db.url, { max: 4, onnotice: () => {} });
});
afterAll(async () => {
	await sql.end();
	await db.drop();
});

const fns = () =>
	createInngestFunctions(async () => ({
		sql,
		channels,
		links: { origin: 'https://sessions.example' }
	}));

describe('session-reminder', () => {
	it('sleeps until the mark, then expands it into deliveries and sends one event per delivery', async () => {
		const f = await bookedFixture(sql);
		const [mark] = await sql<{ id: string; due_at: Date }[]>`
			select id, due_at from public.session_reminders
			where session_id = ${f.session.id} and reminder_type = 'ONE_DAY_BEFORE'`;
		const t = new InngestTestEngine({
			function: fns().remind,
			events: [
				{
					name: 'session/reminder',
					data: { id: mark!.id, dueAt: mark!.due_at.toISOString(), sessionId: f.session.id }
				}
			],
			steps: [
				{ id: 'until-the-mark', handler() {} },
				{ id: 'deliver', handler: () => ({ ids: [] }) }
			]
		});
		const { result, ctx } = await t.execute();
		expect(result).toBe('sent');
		expect(ctx.step.sleepUntil).toHaveBeenCalledWith('until-the-mark', mark!.due_at);
		expect(ctx.step.sendEvent).toHaveBeenCalledWith(
			'deliver',
			expect.arrayContaining([
				expect.objectContaining({
					name: 'notification/deliver',
					id: expect.stringMatching(/^delivery-/)
				})
			])
		);
	});

	it('is cancelled by session/cancelled on the same session, and a cancelled session is not reminded', async () => {
		const { remind } = fns();
		expect(remind.opts.cancelOn).toEqual([{ event: 'session/cancelled', match: 'data.sessionId' }]);
		const f = await bookedFixture(sql);
		await transition(sql, f.parentId, f.session.id, 'CANCELLED');
		const [mark] = await sql<{ id: string; due_at: Date }[]>`
			select id, due_at from public.session_reminders where session_id = ${f.session.id} limit 1`;
		const t = new InngestTestEngine({
			function: remind,
			events: [
				{
					name: 'session/reminder',
					data: { id: mark!.id, dueAt: mark!.due_at.toISOString(), sessionId: f.session.id }
				}
			],
			steps: [{ id: 'until-the-mark', handler() {} }]
		});
		const { result, ctx } = await t.execute();
		expect(result).toBe('stale');
		expect(ctx.step.sendEvent).not.toHaveBeenCalled();
	});
});

describe('outbox-relay and notification-deliver', () => {
	it('the relay dispatches the outbox; delivering an email marks it SENT once', async () => {
		const f = await bookedFixture(sql);
		const relay = new InngestTestEngine({
			function: fns().relay,
			events: [{ name: 'outbox/pending', data: {} }]
		});
		await relay.execute();
		const [coachMail] = await sql<{ id: string }[]>`
			select id from public.session_notifications
			where session_id = ${f.session.id} and recipient_id = ${f.coachId} and method = 'EMAIL'`;
		const run = () =>
			new InngestTestEngine({
				function: fns().send,
				events: [
					{
						name: 'notification/deliver',
						data: { id: coachMail!.id, startAfter: new Date(0).toISOString() }
					}
				]
			}).execute();
		expect((await run()).result).toBe('sent');
		// A replayed event (Inngest de-duplicates by event id; the delivery row is the second guard).
		expect((await run()).result).toBe('skipped');
		const [row] =
			await sql`select status::text from public.session_notifications where id = ${coachMail!.id}`;
		expect(row!.status).toBe('SENT');
	});
});
