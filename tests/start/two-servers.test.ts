import PgBoss from 'pg-boss';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { QUEUES } from '../../src/lib/features/notifications/engine.server';
import { jobId } from '../../src/lib/features/notifications/sweep.server';
import { startAppServer } from '../support/app-server';
import { makeCoach, makeFamily } from '../support/db';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../support/demo';
import { bookingBody, FIXTURE_PASSWORD, parisDate } from '../support/fixture-accounts';
import { startCapturingSmtp } from '../support/notification-peers';
import { openStream } from '../support/sse';
import { hasBuild } from '../support/start-process';
import { privateDatabase } from '../support/test-database';
import { until } from '../support/until';

/**
 * Two server processes on one PostgreSQL, as two Node servers behind a load balancer (or two
 * serverless instances) would run: one identity (a shared JWT secret), one live layer, one job
 * queue, one set of limits. Each with its own embedded engine (pg-boss) sending mail.
 */
describe.skipIf(!hasBuild())('two servers on one database', () => {
	let db: Awaited<ReturnType<typeof privateDatabase>>;
	let sql: Sql;
	let smtp: Awaited<ReturnType<typeof startCapturingSmtp>>;
	let a: Awaited<ReturnType<typeof startAppServer>>;
	let b: Awaited<ReturnType<typeof startAppServer>>;
	let accepting = true;

	beforeAll(async () => {
		db = await privateDatabase(inject('databaseUrl'));
		sql = postgres(db.url, { max: 3, onnotice: () => {} });
		// Mail refused (421, try later) until `accepting`: work left over when a server dies.
		smtp = await startCapturingSmtp({ refuse: () => (accepting ? null : 421) });
		const env = {
			SMTP_URL: smtp.url,
			NEXUS_WORKFLOWS: 'embedded',
			JWT_SECRET: 'two-servers-share-this-secret-0123456789abcdef'
		};
		[a, b] = await Promise.all([startAppServer(db.url, env), startAppServer(db.url, env)]);
	}, 90_000);

	afterAll(async () => {
		await a?.stop();
		await b?.stop();
		await sql?.end({ timeout: 5 });
		await smtp?.close();
		await db?.drop();
	});

	async function api(
		server: { url: string },
		method: string,
		path: string,
		body?: unknown,
		token?: string
	) {
		const res = await fetch(`${server.url}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(token ? { authorization: `Bearer ${token}` } : {})
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		return { status: res.status, headers: res.headers, body: (await res.json()) as any };
	}

	async function tokenOn(server: { url: string }, email: string, password: string) {
		const res = await api(server, 'POST', '/api/auth/token', { email, password });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		return res.body.access_token as string;
	}

	async function family(credits = 5) {
		const coachId = await makeCoach(sql);
		const { parentId, studentIds } = await makeFamily(sql, { credits });
		const [parent] = await sql<{ email: string }[]>`
			update auth.users set encrypted_password = extensions.crypt(${FIXTURE_PASSWORD}, extensions.gen_salt('bf', 4))
			where id = ${parentId} returning email`;
		return { coachId, parentId, studentId: studentIds[0]!, parentEmail: parent!.email };
	}

	/** The parent books through `server` with a token of their own; the session's id. */
	async function bookThrough(server: { url: string }, parentEmail: string, body: unknown) {
		const token = await tokenOn(server, parentEmail, FIXTURE_PASSWORD);
		const booked = await api(server, 'POST', '/api/sessions/book', body, token);
		expect(booked.status, JSON.stringify(booked.body)).toBe(201);
		return booked.body.session.id as string;
	}

	const mailsTo = async (userId: string) => {
		const [p] = await sql<
			{ email: string }[]
		>`select email from public.profiles where id = ${userId}`;
		return smtp.to(p!.email);
	};

	it('a booking made through one appears live on a board connected to the other', async () => {
		const { coachId, studentId, parentEmail } = await family();
		// Signed in on A, the token works on B: one identity.
		const staffToken = await tokenOn(a, DEMO_EMAILS.assistant, DEMO_PASSWORD);
		const board = await openStream(`${b.url}/api/live?topics=staff:sessions`, {
			token: staffToken
		});
		expect(board.status).toBe(200);
		await board.next((e) => e.event === 'ready');
		const parentToken = await tokenOn(a, parentEmail, FIXTURE_PASSWORD);
		const started = Date.now();
		const booked = await api(
			a,
			'POST',
			'/api/sessions/book',
			bookingBody(coachId, studentId, parisDate(6)),
			parentToken
		);
		expect(booked.status, JSON.stringify(booked.body)).toBe(201);
		const id = booked.body.session.id as string;
		const seen = await board.next(
			(e) => e.data?.payload?.sessionId === id || e.data?.payload?.id === id,
			2_000
		);
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(seen.data).toMatchObject({
			topic: 'staff:sessions',
			event: 'session',
			payload: { change: 'booked' }
		});
		board.close();
	});

	it('a reminder is delivered once with both workers polling the queue', async () => {
		const { coachId, studentId, parentId, parentEmail } = await family();
		const sessionId = await bookThrough(
			b,
			parentEmail,
			bookingBody(coachId, studentId, parisDate(5), '11:00')
		);
		// The booking's own mail first (either server may send it), once.
		await until(async () => (await mailsTo(coachId)).length === 1);
		// The 2 h mark moved to one second from now and its job queued as a booking queues it
		// (sent twice, as two servers might: the job id makes the second a no-op); both servers'
		// engines poll that queue.
		const [mark] = await sql<{ id: string; due_at: Date }[]>`
			update public.session_reminders set due_at = date_trunc('milliseconds', now()) + interval '1 second'
			where session_id = ${sessionId} and reminder_type = 'TWO_HOURS_BEFORE' returning id, due_at`;
		const boss = new PgBoss({ connectionString: db.url, max: 1 });
		await boss.start();
		for (let i = 0; i < 2; i++)
			await boss.send(
				QUEUES.remind,
				{ id: mark!.id, dueAt: mark!.due_at.toISOString() },
				{ id: jobId(`reminder:${mark!.id}:${mark!.due_at.getTime()}`), startAfter: mark!.due_at }
			);
		await boss.stop({ graceful: false });
		const reminder = await until(async () =>
			(await mailsTo(parentId)).find((m) => m.parsed.subject?.startsWith('Rappel'))
		);
		expect(reminder.parsed.subject).toBe('Rappel : séance dans 2 heures');
		// Both engines had time to pick it up twice: still one.
		await new Promise((r) => setTimeout(r, 3_000));
		expect(
			(await mailsTo(parentId)).filter((m) => m.parsed.subject?.startsWith('Rappel'))
		).toHaveLength(1);
		const [r] = await sql`select status::text from public.session_reminders where id = ${mark!.id}`;
		expect(r!.status).toBe('SENT');
	}, 60_000);

	it('the sign-in limit holds across both: the 11th wrong password is refused, wherever it lands', async () => {
		const { parentEmail } = await family();
		for (let i = 0; i < 10; i++) {
			const wrong = await api(i % 2 ? b : a, 'POST', '/api/auth/token', {
				email: parentEmail,
				password: `wrong-${i}`
			});
			expect(wrong.status, `attempt ${i + 1}`).toBe(401);
		}
		for (const server of [a, b]) {
			const limited = await api(server, 'POST', '/api/auth/token', {
				email: parentEmail,
				password: FIXTURE_PASSWORD
			});
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(limited.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
		}
	});

	it('one killed, the other keeps serving and finishes the work', async () => {
		const { coachId, studentId, parentEmail } = await family();
		accepting = false;
		const sessionId = await bookThrough(
			a,
			parentEmail,
			bookingBody(coachId, studentId, parisDate(7), '15:00')
		);
		// The coach's mail has been tried and refused (by either server): it waits for a retry.
		await until(async () => {
			const [row] = await sql<{ n: number }[]>`
				select count(*)::int as n from public.notification_attempts t
				join public.session_notifications d on d.id = t.notification_id
				where d.session_id = ${sessionId} and d.recipient_id = ${coachId} and not t.succeeded`;
			return row!.n > 0;
		});
		const exited = new Promise((r) => a.child.once('exit', r));
		a.child.kill('SIGKILL');
		await exited;
		accepting = true;
		expect((await fetch(`${b.url}/api/health`)).status).toBe(200);
		const onB = await tokenOn(b, parentEmail, FIXTURE_PASSWORD);
		expect((await api(b, 'GET', '/api/sessions', undefined, onB)).status).toBe(200);
		const started = Date.now();
		await until(async () => {
			const [row] = await sql<{ total: number; sent: number }[]>`
				select count(*)::int as total, count(*) filter (where status = 'SENT')::int as sent
				from public.session_notifications where session_id = ${sessionId}`;
			return row!.total > 0 && row!.sent === row!.total;
		}, 60_000);
		console.log(
			`[two-servers] the survivor finished the work ${((Date.now() - started) / 1000).toFixed(1)} s after the kill`
		);
		expect(await mailsTo(coachId)).toHaveLength(1);
	}, 90_000);
});
