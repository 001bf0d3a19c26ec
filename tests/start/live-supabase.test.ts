import { randomBytes, randomUUID } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAppServer } from '../support/app-server';
import { adminSql, makeCoach, makeUser } from '../support/db';
import { startFakeRealtime, type FakeRealtime } from '../support/fake-realtime';
import { FIXTURE_PASSWORD } from '../support/fixture-accounts';
import { hasBuild } from '../support/start-process';

/**
 * The browser's live client in the Supabase home: the production build, configured for
 * Supabase Realtime (NEXUS_LIVE=supabase, SUPABASE_URL), its pages in Chromium, their real
 * client (`ui/live/supabase.client.ts` and @supabase/supabase-js's RealtimeClient) talking to
 * `fake-realtime.ts`. Supabase Realtime itself cannot run here: the stand-in follows the
 * documented protocol and the service's source (see that file), authorises each topic with the
 * real `realtime.messages` policy of this database, and records every frame it would not accept.
 */
describe.skipIf(!hasBuild())('live updates through Supabase Realtime private channels', () => {
	const sql = adminSql(4);
	const jwtSecret = randomBytes(36).toString('base64url');
	let anonKey: string;
	let fake: FakeRealtime;
	let app: Awaited<ReturnType<typeof startAppServer>>;
	let browser: Browser;
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		// Shaped like a project's legacy anon key: a JWT of role anon, signed with its secret.
		anonKey = await new SignJWT({ role: 'anon', iss: 'supabase' })
			.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
			.setIssuedAt()
			.setExpirationTime('10y')
			.sign(new TextEncoder().encode(jwtSecret));
		fake = await startFakeRealtime({ sql, jwtSecret, anonKey });
		app = await startAppServer(inject('databaseUrl'), {
			NEXUS_LIVE: 'supabase',
			// The app's own sign-in: the stand-in speaks Realtime, not GoTrue.
			NEXUS_AUTH: 'local',
			SUPABASE_URL: fake.url,
			SUPABASE_ANON_KEY: anonKey,
			// Realtime accepts the app's own tokens when they are signed with the project's secret.
			JWT_SECRET: jwtSecret
		});
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu']
		});
	});

	afterEach(async () => {
		for (const context of contexts.splice(0)) await context.close();
		expect(fake.violations).toEqual([]);
	});

	afterAll(async () => {
		await browser?.close();
		await app?.stop();
		await fake?.close();
		await sql.end();
	});

	interface Person {
		id: string;
		access: string;
		refresh: string;
	}

	/** Signed in on this server (its own JWT secret), as the sign-in page would. */
	async function signIn(id: string): Promise<Person> {
		const [user] = await sql<{ email: string }[]>`
			update auth.users
			set encrypted_password = extensions.crypt(${FIXTURE_PASSWORD}, extensions.gen_salt('bf', 4))
			where id = ${id} returning email`;
		const res = await fetch(`${app.url}/api/auth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: user!.email, password: FIXTURE_PASSWORD })
		});
		const body = (await res.json()) as { access_token: string; refresh_token: string };
		return { id, access: body.access_token, refresh: body.refresh_token };
	}

	async function open(path: string, person: Person, options: { clock?: boolean } = {}) {
		const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
		contexts.push(context);
		await context.addCookies(
			[
				['nexus_access', person.access],
				['nexus_refresh', person.refresh]
			].map(([name, value]) => ({ name: name!, value: value!, url: app.url, httpOnly: true }))
		);
		const page = await context.newPage();
		const requests: string[] = [];
		const warnings: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).pathname));
		page.on('console', (m) => {
			if (m.type() === 'warning') warnings.push(m.text());
		});
		if (options.clock) await page.clock.install();
		await page.goto(`${app.url}${path}`);
		return {
			page,
			context,
			warnings,
			/** How many requests the page made to `path`. */
			count: (p: string) => requests.filter((r) => r === p).length
		};
	}

	/** A broadcast as the database's triggers write it; its row id and insertion time. */
	async function send(event: string, topic: string, payload: Record<string, unknown>) {
		await sql`select realtime.send(${sql.json(payload as never)}, ${event}, ${topic}, true)`;
		const [row] = await sql<{ id: string; at: number }[]>`
			select id::text as id, (extract(epoch from inserted_at) * 1000)::float8 as at
			from realtime.messages where topic = ${topic} order by id desc limit 1`;
		return row!;
	}

	const joinsOf = (id: string) => fake.joins.filter((j) => j.sub === id);
	const liveState = (page: Page) => page.getByTestId('live-state').textContent();
	const UNREAD = '/api/notifications/unread';
	const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	it('joins exactly the page’s topics, privately, with the person’s token; listeners of one topic share its channel; a message reaches each once', async () => {
		const coach = await signIn(await makeCoach(sql));
		const { page, count } = await open('/coach', coach);
		const joined = () => joinsOf(coach.id).filter((j) => j.outcome === 'ok');
		await expect.poll(() => joined().length).toBe(2);
		await page.waitForTimeout(500);
		// The layout follows both topics, the bell its own: two channels, one join each.
		expect(
			joinsOf(coach.id)
				.map((j) => j.topic)
				.sort()
		).toEqual([`coach:${coach.id}`, `user:${coach.id}`]);
		for (const join of joinsOf(coach.id)) {
			expect(join.config.private).toBe(true);
			expect(join.accessToken).toBe(coach.access);
			expect(join.config.broadcast.replay).toBeUndefined();
		}

		const data = '/coach/__data.json';
		const before = { unread: count(UNREAD), data: count(data) };
		// An in-app notification: the bell asks for its count; the layout leaves the page alone.
		await send('notification', `user:${coach.id}`, { notificationId: randomUUID() });
		await expect.poll(() => count(UNREAD)).toBe(before.unread + 1);
		// A change of the coach's sessions: the layout reloads the page's data.
		await send('session', `coach:${coach.id}`, {
			sessionId: randomUUID(),
			change: 'status',
			fields: ['status']
		});
		await expect.poll(() => count(data)).toBe(before.data + 1);
		await page.waitForTimeout(1_000);
		expect({ unread: count(UNREAD), data: count(data) }).toEqual({
			unread: before.unread + 1,
			data: before.data + 1
		});
	});

	it('a dropped socket reconnects and replays what was missed, each message once', async () => {
		// A session of the seed: a booking now would also notify staff, a message of its own.
		const [seeded] = await sql<{ id: string; coachId: string; day: string }[]>`
			select id, coach_id as "coachId",
				to_char(starts_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as day
			from public.session_bookings order by starts_at limit 1`;
		const staff = await signIn(await makeUser(sql, 'assistant'));
		const board = `/assistant?from=${seeded!.day}&days=1&coach=${seeded!.coachId}`;
		// The page's clock is ours: the bell polls every 10 s while not live, which would blur
		// what the replay alone delivers.
		const { page, count } = await open(board, staff, { clock: true });
		await expect.poll(() => liveState(page)).toMatch(/En direct/);
		// The board reads the message's payload: the session's row lights up.
		await send('session', 'staff:sessions', {
			sessionId: seeded!.id,
			change: 'status',
			fields: ['status']
		});
		const row = page.locator(`[data-session="${seeded!.id}"]`);
		await expect.poll(() => row.getAttribute('class')).toMatch(/changed/);

		const unread = count(UNREAD);
		const first = await send('notification', `user:${staff.id}`, { n: 1 });
		await expect.poll(() => count(UNREAD)).toBe(unread + 1);
		await page.clock.pauseAt(Date.now() + 100);
		const joinsBefore = joinsOf(staff.id).length;

		fake.down();
		await expect.poll(() => liveState(page)).toMatch(/Connexion/);
		const missed = await send('notification', `user:${staff.id}`, { n: 2 });
		await pause(300);
		fake.up();
		// Realtime's client reconnects a second after a drop.
		await page.clock.runFor(1_100);
		const rejoined = () => joinsOf(staff.id).slice(joinsBefore);
		await expect.poll(() => rejoined().map((j) => j.outcome)).toEqual(['ok', 'ok']);
		const rejoin = rejoined().find((j) => j.topic === `user:${staff.id}`)!;
		expect(rejoin.config.broadcast.replay).toEqual({ since: expect.any(Number), limit: 25 });
		expect(rejoin.config.broadcast.replay.since).toBeLessThanOrEqual(first.at);
		// The replay window holds the message already received, and the one missed…
		expect(rejoin.replayed).toEqual(expect.arrayContaining([first.id, missed.id]));
		await expect.poll(() => liveState(page)).toMatch(/En direct/);
		// …and only the missed one reaches the bell.
		await expect.poll(() => count(UNREAD)).toBe(unread + 2);
		await pause(1_000);
		expect(count(UNREAD)).toBe(unread + 2);
	});

	it('hands Realtime a renewed token before expiry, and stops like the stream once signed out elsewhere', async () => {
		const staff = await signIn(await makeUser(sql, 'assistant'));
		// The same session, its token nearly spent: 96 s left (the server renews under 90 s).
		const claims = decodeJwt(staff.access);
		const { exp: _exp, iat: _iat, ...rest } = claims;
		const expiresAt = Math.floor(Date.now() / 1000) + 96;
		const short = await new SignJWT(rest)
			.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
			.setIssuedAt()
			.setExpirationTime(expiresAt)
			.sign(new TextEncoder().encode(jwtSecret));
		const { page, context } = await open(
			'/assistant',
			{ ...staff, access: short },
			{ clock: true }
		);
		await expect.poll(() => liveState(page)).toMatch(/En direct/);
		expect(joinsOf(staff.id).map((j) => j.accessToken)).toEqual([short, short]);

		// Once the server would renew it, a minute before expiry on the page's clock.
		await pause(Math.max(0, (expiresAt - 88) * 1000 - Date.now()));
		await page.clock.fastForward(40_000);
		const pushes = () => fake.tokenPushes.filter((p) => p.sub === staff.id);
		await expect.poll(() => pushes().length).toBe(2);
		const renewed = pushes()[0]!.accessToken;
		expect(renewed).not.toBe(short);
		expect(
			pushes()
				.map((p) => [p.topic, p.accessToken])
				.sort()
		).toEqual(
			[
				['staff:sessions', renewed],
				[`user:${staff.id}`, renewed]
			].sort()
		);
		expect(decodeJwt(renewed).exp).toBeGreaterThan(expiresAt + 3000);
		const cookie = (await context.cookies()).find((c) => c.name === 'nexus_access');
		expect(cookie?.value).toBe(renewed);
		expect(await liveState(page)).toMatch(/En direct/);

		// Signed out elsewhere: the next check is refused, and the page leaves its channels.
		await sql`delete from auth.sessions where user_id = ${staff.id}`;
		await page.clock.fastForward(5 * 60_000 + 1_000);
		await expect
			.poll(() =>
				fake.leaves
					.filter((l) => l.sub === staff.id)
					.map((l) => l.topic)
					.sort()
			)
			.toEqual(['staff:sessions', `user:${staff.id}`]);
		await expect.poll(() => liveState(page)).toMatch(/Hors ligne/);
	});

	it('a join Realtime refuses is reported and not asked again', async () => {
		const staff = await signIn(await makeUser(sql, 'assistant'));
		const { page, warnings } = await open('/assistant', staff);
		await expect.poll(() => liveState(page)).toMatch(/En direct/);
		// No longer staff; a network blip later, the page joins its topics again.
		await sql`update public.profiles set role = 'parent' where id = ${staff.id}`;
		fake.down();
		fake.up();
		const refused = () =>
			joinsOf(staff.id).filter(
				(j) => j.topic === 'staff:sessions' && j.outcome.startsWith('Unauthorized')
			);
		await expect.poll(() => refused().length, { timeout: 10_000 }).toBe(1);
		await expect.poll(() => liveState(page)).toMatch(/Hors ligne/);
		// Realtime's client would have asked again after 1, 2 and 5 s.
		await pause(6_000);
		expect(refused()).toHaveLength(1);
		const own = joinsOf(staff.id).filter((j) => j.topic === `user:${staff.id}`);
		expect(own.map((j) => j.outcome)).toEqual(['ok', 'ok']);
		expect(warnings.join('\n')).toMatch(/refused staff:sessions: Unauthorized/);
	});

	it('the stand-in refuses what Realtime would not accept (so a wrong client fails here)', async () => {
		const socket = new WebSocket(
			`${fake.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${anonKey}&vsn=2.0.0`
		);
		await new Promise((resolve) => socket.once('open', resolve));
		const closed = new Promise<number>((resolve) => socket.once('close', resolve));
		socket.send(
			JSON.stringify([
				'1',
				'1',
				'realtime:staff:sessions',
				'phx_join',
				{ config: { private: false } }
			])
		);
		expect(await closed).toBe(1008);
		expect(fake.violations.splice(0)).toEqual(['join staff:sessions: not private']);
		const wrong = new WebSocket(
			`${fake.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=wrong&vsn=2.0.0`
		);
		wrong.on('error', () => {});
		const status = await new Promise<number>((resolve) =>
			wrong.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
		);
		expect(status).toBe(403);
		expect(fake.violations.splice(0)).toEqual(['socket without the project key']);
	});
});
