import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { adminSql } from '../support/db';
import { bookedSession } from '../support/fixture-accounts';
import { until } from '../support/until';

/**
 * The notification centre over HTTP, against the served build and its running engine:
 * a booking reaches the student's inbox without anyone dispatching by hand.
 */
let sql: Sql;
beforeAll(() => {
	sql = adminSql(4);
});
afterAll(() => sql.end());

describe('GET /api/notifications and POST /api/notifications/read', () => {
	it('a booking lands in the student inbox (unread), marking it read empties the count', async () => {
		const { student, sessionId } = await bookedSession(sql);
		const inbox = await until(async () => {
			const res = await call('GET', '/api/notifications', { token: student.token });
			return res.body.items?.length ? res : null;
		}, 15_000);
		expect(inbox.status).toBe(200);
		expect(inbox.body.unread).toBe(1);
		expect(inbox.body.items[0]).toMatchObject({
			type: 'SESSION_BOOKED',
			title: 'Nouvelle séance réservée',
			sessionId,
			read: false,
			link: `/sessions#session-${sessionId}`
		});
		const read = await call('POST', '/api/notifications/read', {
			token: student.token,
			body: { ids: [inbox.body.items[0].id] }
		});
		expect(read).toEqual({ status: 200, body: { marked: 1, unread: 0 } });
		expect((await call('GET', '/api/notifications/unread', { token: student.token })).body).toEqual(
			{ unread: 0 }
		);
	});

	it('nobody marks another person’s notification read', async () => {
		const a = await bookedSession(sql);
		const b = await bookedSession(sql);
		const theirs = await until(async () => {
			const res = await call('GET', '/api/notifications', { token: a.student.token });
			return res.body.items?.[0]?.id as string | undefined;
		}, 15_000);
		const res = await call('POST', '/api/notifications/read', {
			token: b.student.token,
			body: { ids: [theirs] }
		});
		expect(res.body.marked).toBe(0);
		const [row] = await sql`select read_at from public.session_notifications where id = ${theirs}`;
		expect(row!.read_at).toBeNull();
	});

	it('refuses bad input with a JSON 400 and anonymous callers with 401', async () => {
		const { student } = await bookedSession(sql);
		const bad = await call('POST', '/api/notifications/read', {
			token: student.token,
			body: { ids: ['nope'] }
		});
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('VALIDATION_FAILED');
		const extra = await call('POST', '/api/notifications/read', {
			token: student.token,
			body: { all: true }
		});
		expect(extra.status).toBe(400);
		expect((await call('GET', '/api/notifications')).status).toBe(401);
	});
});
