/**
 * Notifications with the embedded engine (pg-boss, its default settings) on a database of
 * its own: how long from a reminder mark falling due to its messages being handed to their
 * channel, and how many deliveries per second the engine sends through a channel that does
 * nothing (so the figure is the engine's and the database's, not an SMTP server's).
 */
import postgres from 'postgres';
import { startEngine } from '../src/lib/features/notifications/engine.server';
import { jobId } from '../src/lib/features/notifications/sweep.server';
import type { Channels } from '../src/lib/server/channels/types';
import { privateDatabase } from '../tests/support/test-database';
import { createCoaches, createFamilies } from './fixtures';
import { p50p95 } from './stats';

export const REMINDERS = 60;
export const DELIVERIES = 2000;

export interface NotificationFigures {
	reminders: number;
	/** Mark due → first message of that mark handed to its channel. */
	reminder_p50_ms: number;
	reminder_p95_ms: number;
	reminder_max_ms: number;
	deliveries: number;
	deliveries_per_s: number;
}

export async function benchNotifications(clusterUrl: string): Promise<NotificationFigures> {
	const db = await privateDatabase(clusterUrl);
	const sql = postgres(db.url, { max: 8, onnotice: () => {} });
	const handedAt = new Map<string, number>();
	const noop = async (m: { idempotencyKey: string }) => {
		handedAt.set(m.idempotencyKey, Date.now());
		return { providerId: null };
	};
	const channels: Channels = {
		email: noop,
		sms: noop,
		push: noop,
		vapidPublicKey: null,
		close: async () => {}
	};
	const engine = await startEngine({
		url: db.url,
		sql,
		channels,
		links: { origin: 'http://localhost:3000' }
	});
	try {
		const [coach] = await createCoaches(sql, 1, 'notif');
		const families = await createFamilies(sql, REMINDERS, 10, 'notif');
		// Sessions two days ahead, an hour apart (superuser fixtures: the reminders are measured).
		const sessions = await sql<{ id: string }[]>`
			insert into public.session_bookings (student_id, coach_id, parent_id, booked_by, subject_code,
				title, starts_at, ends_at, duration_minutes, credits_used, meeting_url)
			select f.student_id, ${coach!}, f.parent_id, f.parent_id, 'MATHEMATIQUES', 'Bench',
				date_trunc('hour', now()) + interval '2 days' + (f.i || ' hours')::interval,
				date_trunc('hour', now()) + interval '2 days' + (f.i || ' hours')::interval + interval '1 hour',
				60, 1, 'https://meet.example/bench'
			from unnest(${families.map((f) => f.studentId)}::uuid[], ${families.map((f) => f.parentId)}::uuid[])
				with ordinality as f (student_id, parent_id, i)
			returning id`;
		// Each session's 2 h mark falls due over the next 3 s; its job is scheduled as a booking would.
		const marks = await sql<{ id: string; due_at: Date }[]>`
			insert into public.session_reminders (session_id, reminder_type, due_at)
			select s.id, 'TWO_HOURS_BEFORE',
				date_trunc('milliseconds', now()) + interval '2 seconds' + (s.n * 50 || ' milliseconds')::interval
			from unnest(${sessions.map((s) => s.id)}::uuid[]) with ordinality as s (id, n)
			returning id, due_at`;
		for (const m of marks)
			await engine.boss.send(
				'notification-remind',
				{ id: m.id, dueAt: m.due_at.toISOString() },
				{ id: jobId(`reminder:${m.id}:${m.due_at.getTime()}`), startAfter: m.due_at }
			);
		const deadline = Date.now() + 60_000;
		const firstHanded = async () =>
			sql<{ reminder_id: string; id: string }[]>`
				select reminder_id, id from public.session_notifications where reminder_id is not null`;
		let latencies: number[] = [];
		while (Date.now() < deadline) {
			const rows = await firstHanded();
			const byMark = new Map<string, number>();
			for (const r of rows) {
				const at = handedAt.get(r.id);
				if (at !== undefined)
					byMark.set(r.reminder_id, Math.min(byMark.get(r.reminder_id) ?? Infinity, at));
			}
			if (byMark.size === marks.length) {
				latencies = marks.map((m) => byMark.get(m.id)! - m.due_at.getTime());
				break;
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		if (latencies.length !== marks.length)
			throw new Error('reminders were not all handed over within 60 s');

		// Throughput: DELIVERIES pending emails (one session's), scheduled at once.
		const target = sessions[0]!.id;
		const rows = await sql<{ id: string }[]>`
			insert into public.session_notifications (session_id, recipient_id, type, method, title, message, delivery_key)
			select ${target}, ${families[0]!.parentId}, 'SESSION_BOOKED', 'EMAIL', 'Bench', 'Bench', 'bench:' || i
			from generate_series(1, ${DELIVERIES}::int) as i
			returning id`;
		const started = Date.now();
		// pg-boss's own connection: postgres.js would re-encode the JSON text pg-boss hands it.
		await engine.boss.insert(
			rows.map((r) => ({
				name: 'notification-deliver',
				data: { id: r.id },
				id: jobId(`delivery:${r.id}`)
			}))
		);
		for (;;) {
			const [left] = await sql<{ n: number }[]>`
				select count(*)::int as n from public.session_notifications
				where delivery_key like 'bench:%' and status <> 'SENT'`;
			if (left!.n === 0) break;
			if (Date.now() - started > 120_000) throw new Error('deliveries not all sent within 120 s');
			await new Promise((r) => setTimeout(r, 100));
		}
		const seconds = (Date.now() - started) / 1000;
		const { p50, p95 } = p50p95([...latencies].sort((a, b) => a - b));
		return {
			reminders: marks.length,
			reminder_p50_ms: Math.round(p50),
			reminder_p95_ms: Math.round(p95),
			reminder_max_ms: Math.max(...latencies),
			deliveries: DELIVERIES,
			deliveries_per_s: Math.round(DELIVERIES / seconds)
		};
	} finally {
		await engine.stop();
		await sql.end({ timeout: 5 });
		await db.drop();
	}
}
