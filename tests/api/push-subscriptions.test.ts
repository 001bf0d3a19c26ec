import { randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { adminSql } from '../support/db';
import { signedInFamily } from '../support/fixture-accounts';

/** Web push subscriptions over HTTP: the VAPID key, subscribe (upsert) and unsubscribe. */
let sql: Sql;
beforeAll(() => {
	sql = adminSql(2);
});
afterAll(() => sql.end());

const b64url = (bytes: Buffer) => bytes.toString('base64url');
/** A browser's `PushSubscription.toJSON()`: a real P-256 key and a 16-byte secret. */
function browserSubscription(host = 'fcm.googleapis.com') {
	const { publicKey } = webpush.generateVAPIDKeys(); // a P-256 point, like the browser's p256dh
	return {
		endpoint: `https://${host}/fcm/send/${b64url(randomBytes(24))}`,
		expirationTime: null,
		keys: { p256dh: publicKey, auth: b64url(randomBytes(16)) }
	};
}
const stored = (endpoint: string) =>
	sql<{ user_id: string; p256dh: string }[]>`
		select user_id, p256dh from public.push_subscriptions where endpoint = ${endpoint}`;

describe('GET /api/push/public-key', () => {
	it('gives a signed-in person the VAPID public key, and 401 JSON to anyone else', async () => {
		const { parent } = await signedInFamily(sql, { children: 1 });
		const res = await call('GET', '/api/push/public-key', { token: parent.token });
		expect(res.status).toBe(200);
		expect(Buffer.from(res.body.publicKey, 'base64url')).toHaveLength(65);
		const anonymous = await call('GET', '/api/push/public-key');
		expect(anonymous.status).toBe(401);
		expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
	});
});

describe('POST and DELETE /api/push/subscriptions', () => {
	it('subscribes this browser for the caller, once however often it is sent', async () => {
		const { parent } = await signedInFamily(sql, { children: 1 });
		const subscription = browserSubscription();
		const first = await call('POST', '/api/push/subscriptions', {
			token: parent.token,
			body: subscription
		});
		expect(first.status).toBe(201);
		const again = await call('POST', '/api/push/subscriptions', {
			token: parent.token,
			body: { ...subscription, keys: { ...subscription.keys, auth: b64url(randomBytes(16)) } }
		});
		expect(again).toEqual({ status: 201, body: { id: first.body.id } });
		expect(await stored(subscription.endpoint)).toEqual([
			{ user_id: parent.id, p256dh: subscription.keys.p256dh }
		]);
	});

	it('moves a browser’s endpoint to whoever turns push on there next (a family tablet)', async () => {
		const { parent, students } = await signedInFamily(sql, { children: 1 });
		const subscription = browserSubscription();
		await call('POST', '/api/push/subscriptions', { token: parent.token, body: subscription });
		const moved = await call('POST', '/api/push/subscriptions', {
			token: students[0]!.token,
			body: subscription
		});
		expect(moved.status).toBe(201);
		expect((await stored(subscription.endpoint)).map((r) => r.user_id)).toEqual([students[0]!.id]);
	});

	it('unsubscribes only the caller’s own browser', async () => {
		const a = await signedInFamily(sql, { children: 1 });
		const b = await signedInFamily(sql, { children: 1 });
		const subscription = browserSubscription();
		await call('POST', '/api/push/subscriptions', { token: a.parent.token, body: subscription });
		const theirs = await call('DELETE', '/api/push/subscriptions', {
			token: b.parent.token,
			body: { endpoint: subscription.endpoint }
		});
		expect(theirs).toEqual({ status: 200, body: { removed: false } });
		expect(await stored(subscription.endpoint)).toHaveLength(1);
		const mine = await call('DELETE', '/api/push/subscriptions', {
			token: a.parent.token,
			body: { endpoint: subscription.endpoint }
		});
		expect(mine).toEqual({ status: 200, body: { removed: true } });
		expect(await stored(subscription.endpoint)).toHaveLength(0);
	});

	it('refuses what is not a push subscription with a JSON 400, anonymous callers with 401', async () => {
		const { parent } = await signedInFamily(sql, { children: 1 });
		const good = browserSubscription();
		const bad = [
			{ ...good, endpoint: good.endpoint.replace('https:', 'http:') },
			{ ...good, endpoint: `${good.endpoint}\u0000` },
			{ ...good, endpoint: 'https://user:pw@push.example/x' },
			{ ...good, keys: { ...good.keys, p256dh: 'not-a-key' } },
			{ ...good, keys: { ...good.keys, auth: b64url(randomBytes(8)) } },
			{ ...good, keys: { ...good.keys, auth: `${good.keys.auth}\n` } },
			{ ...good, extra: true },
			{ endpoint: good.endpoint }
		];
		for (const body of bad) {
			const res = await call('POST', '/api/push/subscriptions', { token: parent.token, body });
			expect(res.status, JSON.stringify(body)).toBe(400);
			expect(res.body.error.code).toBe('VALIDATION_FAILED');
		}
		const notJson = await call('POST', '/api/push/subscriptions', {
			token: parent.token,
			rawBody: '{'
		});
		expect(notJson.status).toBe(400);
		const deleteBad = await call('DELETE', '/api/push/subscriptions', {
			token: parent.token,
			body: { endpoint: 'ftp://x' }
		});
		expect(deleteBad.status).toBe(400);
		for (const method of ['POST', 'DELETE']) {
			const anonymous = await call(method, '/api/push/subscriptions', { body: good });
			expect(anonymous.status).toBe(401);
			expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
		}
	});
});
