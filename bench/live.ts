/**
 * The live layer end to end against the production server: a booking's commit (the service's
 * transaction returns) → its event received by a server-sent-event client of the staff topic,
 * over BOOKINGS sequential bookings; then the same with IDLE idle subscribers connected, and
 * the server's memory per connected subscriber (resident set, before and after).
 */
import { readFileSync } from 'node:fs';
import type { Sql } from 'postgres';
import { bookSession } from '../src/lib/features/booking/book.server';
import { runAsUser } from '../src/lib/server/db/as-user';
import { openStream } from '../tests/support/sse';
import { createCoaches, createFamilies, utcDate, wallTime, type BenchFamily } from './fixtures';
import { p50p95, round } from './stats';

export const BOOKINGS = 200;
export const IDLE = 500;

export interface LiveFigures {
	bookings: number;
	commit_to_event_p50_ms: number;
	commit_to_event_p95_ms: number;
	idle_subscribers: number;
	with_idle_p50_ms: number;
	with_idle_p95_ms: number;
	memory_per_subscriber_kb: number;
}

const rssKb = (pid: number) =>
	Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

async function token(appUrl: string, email: string, password: string) {
	const res = await fetch(`${appUrl}/api/auth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password })
	});
	return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * Until the server has worked through the earlier phases' notifications (up to a minute):
 * measured on a busy engine, the figures would be the backlog's, not the live layer's.
 */
async function settled(sql: Sql) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const [row] = await sql<{ n: number }[]>`
			select (select count(*) from public.notification_events where dispatched_at is null)
				+ (select count(*) from pgboss.job where state in ('created', 'retry', 'active')
					and name = 'notification-deliver' and start_after <= now()) as n`;
		if (Number(row!.n) === 0) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	await new Promise((r) => setTimeout(r, 2_000));
}

export async function benchLive(appUrl: string, serverPid: number, sql: Sql): Promise<LiveFigures> {
	await settled(sql);
	const staff = await token(appUrl, 'assistant@nexus.test', 'nexus-demo');
	const [coach] = await createCoaches(sql, 1, 'live');
	const families = await createFamilies(sql, BOOKINGS * 2, 2, 'live');
	const board = await openStream(`${appUrl}/api/live?topics=staff:sessions`, { token: staff });
	if (board.status !== 200) throw new Error(`live stream: ${board.status}`);
	await board.next((e) => e.event === 'ready');

	let slot = 0;
	/** One booking per family, each in its own hour: commit → event on the board, in ms. */
	async function round_(group: BenchFamily[]): Promise<number[]> {
		const latencies: number[] = [];
		for (const family of group) {
			const start = (slot % 20) * 60;
			const day = 3 + Math.floor(slot / 20);
			slot += 1;
			const claims = {
				sub: family.parentId,
				role: 'authenticated' as const,
				user_role: 'parent',
				session_id: family.parentSessionId
			};
			const booked = await runAsUser(sql, claims, (tx) =>
				bookSession(tx, {
					coachId: coach!,
					studentId: family.studentId,
					subject: 'MATHEMATIQUES',
					scheduledDate: utcDate(day),
					startTime: wallTime(start),
					endTime: wallTime(start + 60),
					duration: 60,
					title: 'Bench live',
					creditsToUse: 1,
					type: 'INDIVIDUAL',
					modality: 'ONLINE'
				})
			);
			const committed = performance.now();
			const id = booked.session.id;
			await board.next((e) => e.event === 'message' && e.data.payload?.sessionId === id, 10_000);
			latencies.push(performance.now() - committed);
		}
		return latencies.sort((a, b) => a - b);
	}

	const alone = p50p95(await round_(families.slice(0, BOOKINGS)));
	await settled(sql);
	const before = rssKb(serverPid);
	const idle = [];
	for (let i = 0; i < IDLE; i++) {
		const s = await openStream(
			`${appUrl}/api/live?topics=user:${families[i % families.length]!.parentId}`,
			{
				token: staff
			}
		);
		if (s.status !== 200) throw new Error(`idle stream ${i}: ${s.status}`);
		idle.push(s);
	}
	await Promise.all(idle.map((s) => s.next((e) => e.event === 'ready')));
	await new Promise((r) => setTimeout(r, 2_000));
	const after = rssKb(serverPid);
	const crowded = p50p95(await round_(families.slice(BOOKINGS, BOOKINGS * 2)));
	for (const s of idle) s.close();
	board.close();
	return {
		bookings: BOOKINGS,
		commit_to_event_p50_ms: round(alone.p50),
		commit_to_event_p95_ms: round(alone.p95),
		idle_subscribers: IDLE,
		with_idle_p50_ms: round(crowded.p50),
		with_idle_p95_ms: round(crowded.p95),
		memory_per_subscriber_kb: round((after - before) / IDLE)
	};
}
