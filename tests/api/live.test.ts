import { describe, expect, it } from 'vitest';
import { appUrl, call } from '../support/api';
import { fileSql, makeUser } from '../support/db';
import {
	bookedSession,
	bookingBody,
	fixtureToken,
	parisDate,
	signedInCoach,
	signedInFamily
} from '../support/fixture-accounts';
import { openStream } from '../support/sse';

const sql = fileSql();
const staff = async () => {
	const id = await makeUser(sql, 'assistant');
	return { id, token: await fixtureToken(sql, id) };
};
const isSession = (sessionId: string) => (e: { event: string; data: any }) =>
	e.event === 'message' && e.data.payload?.sessionId === sessionId;

describe('GET /api/live (server-sent events)', () => {
	it('answers 401 JSON without a caller and 400 JSON for an unknown topic', async () => {
		const anonymous = await openStream('/api/live?topics=staff:sessions');
		expect(anonymous.status).toBe(401);
		expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
		const { token } = await staff();
		for (const topics of ['staff:all', 'user:x', '', 'staff:sessions\u0000']) {
			const bad = await openStream(`/api/live?topics=${encodeURIComponent(topics)}`, { token });
			expect(bad.status).toBe(400);
			expect(await bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
		}
	});

	it("refuses families and coaches the staff topic and other people's topics (403 JSON)", async () => {
		const family = await signedInFamily(sql);
		const other = await signedInFamily(sql);
		const coach = await signedInCoach(sql);
		const refused: [string, string][] = [
			[family.parent.token, 'staff:sessions'],
			[coach.token, 'staff:sessions'],
			[family.students[0]!.token, 'staff:sessions'],
			[family.parent.token, `user:${other.parent.id}`],
			[coach.token, `user:${family.parent.id}`],
			[family.parent.token, `coach:${coach.id}`],
			// One refused topic refuses the connection.
			[family.parent.token, `user:${family.parent.id},staff:sessions`]
		];
		for (const [token, topics] of refused) {
			const s = await openStream(`/api/live?topics=${topics}`, { token });
			expect(s.status, topics).toBe(403);
			expect(await s.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
		}
		const own = await openStream(`/api/live?topics=user:${family.parent.id},slots:${coach.id}`, {
			token: family.parent.token
		});
		expect(own.status).toBe(200);
		expect(own.contentType).toMatch(/^text\/event-stream/);
		own.close();
	});

	it("a booking reaches the staff stream, the family's and the coach's within 2 s", async () => {
		const assistant = await staff();
		const coach = await signedInCoach(sql);
		const family = await signedInFamily(sql, { credits: 5 });
		const board = await openStream('/api/live?topics=staff:sessions', { token: assistant.token });
		const parent = await openStream(`/api/live?topics=user:${family.parent.id}`, {
			token: family.parent.token
		});
		const coachStream = await openStream(`/api/live?topics=coach:${coach.id},slots:${coach.id}`, {
			token: coach.token
		});
		for (const s of [board, parent, coachStream]) await s.next((e) => e.event === 'ready');
		const started = Date.now();
		const res = await call('POST', '/api/sessions/book', {
			token: family.parent.token,
			body: bookingBody(coach.id, family.students[0]!.id, parisDate(6))
		});
		expect(res.status).toBe(201);
		const id = res.body.session.id as string;
		const seen = await board.next(isSession(id), 2_000);
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(seen.data).toMatchObject({
			topic: 'staff:sessions',
			event: 'session',
			payload: { change: 'booked', status: 'SCHEDULED', coachId: coach.id }
		});
		await parent.next(isSession(id), 2_000);
		await coachStream.next(isSession(id), 2_000);
		const slots = await coachStream.next((e) => e.data.event === 'slots', 2_000);
		// What any family hears about a coach's slots names nobody.
		expect(Object.keys(slots.data.payload).sort()).toEqual(['coachId', 'endsAt', 'startsAt']);
		for (const s of [board, parent, coachStream]) s.close();
	});

	it('catches up after a reconnect: the change made while disconnected arrives first', async () => {
		const { coach, family, sessionId } = await bookedSession(sql);
		const first = await openStream(`/api/live?topics=user:${family.parent.id}`, {
			token: family.parent.token
		});
		await first.next((e) => e.event === 'ready');
		// A change the stream sees, to learn a cursor.
		const confirmed = await call('PATCH', `/api/sessions/${sessionId}/status`, {
			token: coach.token,
			body: { status: 'CONFIRMED' }
		});
		expect(confirmed.status).toBe(200);
		await first.next((e) => e.event === 'cursor', 2_000);
		const cursor = first.lastId()!;
		first.close();
		// Disconnected: the coach cancels.
		const cancelled = await call('PATCH', `/api/sessions/${sessionId}/status`, {
			token: coach.token,
			body: { status: 'CANCELLED', notes: 'Malade' }
		});
		expect(cancelled.status).toBe(200);
		const again = await openStream(`/api/live?topics=user:${family.parent.id}`, {
			token: family.parent.token,
			headers: { 'last-event-id': cursor }
		});
		const missed = await again.next(
			(e) => isSession(sessionId)(e) && e.data.payload.status === 'CANCELLED',
			2_000
		);
		expect(missed.data.payload.change).toBe('status');
		again.close();
	});
});

describe('GET /api/live/token (the access token Supabase Realtime checks the topics with)', () => {
	const decode = (token: string) =>
		JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };

	it('answers 401 JSON without a caller', async () => {
		const res = await fetch(`${appUrl()}/api/live/token`);
		expect(res.status).toBe(401);
		expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
	});

	it("hands back the caller's own token and its expiry, never cached", async () => {
		const { token } = await staff();
		const res = await fetch(`${appUrl()}/api/live/token`, {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(await res.json()).toEqual({ token, expiresAt: decode(token).exp });
	});

	it('answers 401 once the sign-in session has ended elsewhere, though the token verifies', async () => {
		const family = await signedInFamily(sql);
		await sql`delete from auth.sessions where user_id = ${family.parent.id}`;
		const res = await call('GET', '/api/live/token', { token: family.parent.token });
		expect(res.status).toBe(401);
		expect(res.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
	});
});
