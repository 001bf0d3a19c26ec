import { describe, expect, it } from 'vitest';
import type { Sql, TransactionSql } from 'postgres';
import { bookedFixture } from '../../../../supabase/tests/support/booking';
import { fileSql, sessionOf } from '../../../../tests/support/db';
import { DEMO } from '../../../../tests/support/demo';
import type { NotificationMethod } from '$lib/core/enums';
import { deliveryFigures } from './deliveries.server';

/**
 * The delivery figures against a hand-computed fixture. Everything happens in one transaction
 * that is rolled back: the running test server's sweep never sees (and never sends) the
 * fixture's pending rows, and no other test's deliveries fall in the fixture's window (2001).
 */
const sql = fileSql(2);

const T = Date.parse('2001-01-01T10:00:00Z');
const at = (ms: number) => new Date(T + ms);
const S = 1000;
const MIN = 60 * S;
const window = { from: new Date('2001-01-01T00:00:00Z'), to: new Date('2001-01-02T00:00:00Z') };

interface Delivery {
	method: NotificationMethod;
	status: 'PENDING' | 'SENT' | 'FAILED' | 'CANCELLED';
	due: Date;
	created?: Date;
	sent?: Date;
	nextAttempt?: Date;
	resends?: number;
	reminderId?: string;
	recipient: string;
	/** Outcomes of the attempts, in order. */
	attempts?: boolean[];
}

async function insert(tx: TransactionSql, sessionId: string, d: Delivery) {
	const [row] = await tx<{ id: string }[]>`
		insert into public.session_notifications
			(session_id, recipient_id, type, method, status, title, message, reminder_id, due_at,
			 created_at, sent_at, next_attempt_at, resends, attempts)
		values (${sessionId}, ${d.recipient}, ${d.reminderId ? 'SESSION_REMINDER' : 'SESSION_BOOKED'},
			${d.method}, ${d.status}, 'Séance', 'Fixture', ${d.reminderId ?? null}, ${d.due},
			${d.created ?? d.due}, ${d.sent ?? null}, ${d.nextAttempt ?? d.due}, ${d.resends ?? 0},
			${d.attempts?.length ?? 0})
		returning id`;
	for (const [i, succeeded] of (d.attempts ?? []).entries()) {
		await tx`insert into public.notification_attempts (notification_id, attempted_at, succeeded)
			values (${row!.id}, ${at(i * S)}, ${succeeded})`;
	}
}

/** Switch the transaction to a signed-in user, as runAsUser does. */
async function actWithin(tx: TransactionSql, sqlPool: Sql, userId: string) {
	const claims = {
		sub: userId,
		role: 'authenticated',
		session_id: await sessionOf(sqlPool, userId)
	};
	await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
		set_config('role', 'authenticated', true), private.assert_live_session()`;
}

async function figuresOfFixture(viewersOf: (f: { parentId: string }) => string[]) {
	const f = await bookedFixture(sql);
	const viewers = viewersOf(f);
	const [mark24, mark2] = await sql<{ id: string }[]>`
		select id from public.session_reminders where session_id = ${f.session.id}
		order by reminder_type`;
	for (const viewer of viewers) await sessionOf(sql, viewer);
	const parent = f.parentId;
	const rollback = Symbol('rollback');
	const seen: Awaited<ReturnType<typeof deliveryFigures>>[] = [];
	try {
		await sql.begin(async (tx) => {
			const deliveries: Delivery[] = [
				// Failed once, then sent 3 s after it was due: retried, 3000 ms.
				{
					method: 'EMAIL',
					status: 'SENT',
					due: at(0),
					sent: at(3 * S),
					attempts: [false, true],
					recipient: parent
				},
				// Failed for good after two attempts (the coach's: a family does not see it).
				{
					method: 'EMAIL',
					status: 'FAILED',
					due: at(0),
					attempts: [false, false],
					recipient: f.coachId
				},
				// Sent at the first try, 500 ms.
				{
					method: 'EMAIL',
					status: 'SENT',
					due: at(0),
					sent: at(500),
					attempts: [true],
					recipient: parent
				},
				// Resent by staff, sent two hours later: counted as sent and retried, not in the latency.
				{
					method: 'EMAIL',
					status: 'SENT',
					due: at(0),
					sent: at(120 * MIN),
					resends: 1,
					attempts: [false, true],
					recipient: parent
				},
				// Stale (a moved session's reminder) and still waiting (its retry far ahead).
				{ method: 'EMAIL', status: 'CANCELLED', due: at(0), recipient: parent },
				{
					method: 'EMAIL',
					status: 'PENDING',
					due: at(0),
					nextAttempt: new Date('2100-01-01T00:00:00Z'),
					recipient: parent
				},
				// Due at the window's end: outside it.
				{
					method: 'EMAIL',
					status: 'SENT',
					due: window.to,
					sent: window.to,
					attempts: [true],
					recipient: parent
				},
				// The late reminder: an SMS 10 minutes after its mark.
				{
					method: 'SMS',
					status: 'SENT',
					due: at(0),
					sent: at(10 * MIN),
					reminderId: mark24!.id,
					attempts: [true],
					recipient: parent
				},
				// The same mark in-app, written 2 s after it: on time.
				{
					method: 'IN_APP',
					status: 'SENT',
					due: at(0),
					created: at(2 * S),
					sent: at(2 * S),
					reminderId: mark24!.id,
					recipient: parent
				},
				// An in-app rating request written an hour ahead of its time: delivered on time, 0 ms.
				{
					method: 'IN_APP',
					status: 'SENT',
					due: at(60 * MIN),
					created: at(0),
					sent: at(60 * MIN),
					recipient: parent
				}
			];
			for (const d of deliveries) await insert(tx, f.session.id, d);
			// A mark that never fired, due long ago: overdue.
			await tx`update public.session_reminders set due_at = ${at(0)}, status = 'PENDING'
				where id = ${mark2!.id}`;
			for (const viewer of viewers) {
				await actWithin(tx, sql, viewer);
				seen.push(await deliveryFigures(tx, window));
			}
			throw rollback;
		});
	} catch (error) {
		if (error !== rollback) throw error;
	}
	return { seen };
}

const byChannel = <T extends { channel: NotificationMethod | null }>(
	rows: T[],
	channel: NotificationMethod | null
) => rows.find((r) => r.channel === channel);

describe('delivery health (SQL: delivery_health, reminder_lateness)', () => {
	it('counts, rates and latencies per channel and overall match the hand-computed fixture', async () => {
		const { seen } = await figuresOfFixture(() => [DEMO.assistant]);
		const staff = seen[0]!;
		expect(staff.channels.map((c) => c.channel)).toEqual([null, 'EMAIL', 'SMS', 'IN_APP', 'PUSH']);

		const email = byChannel(staff.channels, 'EMAIL')!;
		expect(email).toMatchObject({
			sent: 3,
			failed: 1,
			inFlight: 1,
			cancelled: 1,
			retried: 2,
			attempts: 7,
			failedAttempts: 4,
			successRate: 0.75
		});
		// Latencies 500 and 3000 ms (the resent one left out); linear interpolation.
		expect(email.latency!.p50Ms).toBeCloseTo(1750);
		expect(email.latency!.p95Ms).toBeCloseTo(2875);
		expect(email.latency!.p99Ms).toBeCloseTo(2975);
		expect(email.latency!.maxMs).toBeCloseTo(3000);

		expect(byChannel(staff.channels, 'SMS')).toMatchObject({
			sent: 1,
			failed: 0,
			attempts: 1,
			successRate: 1,
			latency: { p50Ms: 600_000, maxMs: 600_000 }
		});
		const inApp = byChannel(staff.channels, 'IN_APP')!;
		expect(inApp).toMatchObject({ sent: 2, attempts: 0, successRate: 1 });
		expect(inApp.latency!.p50Ms).toBeCloseTo(1000);
		expect(inApp.latency!.maxMs).toBeCloseTo(2000);
		// Nothing went by push: a row of zeros, nothing measured.
		expect(byChannel(staff.channels, 'PUSH')).toMatchObject({
			sent: 0,
			failed: 0,
			attempts: 0,
			successRate: null,
			latency: null
		});

		const all = byChannel(staff.channels, null)!;
		expect(all).toMatchObject({
			sent: 6,
			failed: 1,
			inFlight: 1,
			cancelled: 1,
			retried: 2,
			attempts: 8,
			failedAttempts: 4
		});
		expect(all.successRate).toBeCloseTo(6 / 7);
		// [0, 500, 2000, 3000, 600000] ms.
		expect(all.latency!.p50Ms).toBeCloseTo(2000);
		expect(all.latency!.p95Ms).toBeCloseTo(3000 + 0.8 * 597_000);
		expect(all.latency!.maxMs).toBeCloseTo(600_000);
	});

	it('reminder lateness: delivered − due, late past 5 minutes, and the overdue marks', async () => {
		const { seen } = await figuresOfFixture(() => [DEMO.assistant]);
		const { reminders, lateAfterMinutes } = seen[0]!;
		expect(lateAfterMinutes).toBe(5);
		expect(byChannel(reminders, 'SMS')).toMatchObject({
			delivered: 1,
			late: 1,
			lateness: { p50Ms: 600_000, maxMs: 600_000 },
			overdue: null
		});
		expect(byChannel(reminders, 'IN_APP')).toMatchObject({ delivered: 1, late: 0, overdue: null });
		const all = byChannel(reminders, null)!;
		expect(all).toMatchObject({ delivered: 2, late: 1, overdue: 1 });
		// [2000, 600000] ms.
		expect(all.lateness!.p50Ms).toBeCloseTo(301_000);
		expect(all.lateness!.p95Ms).toBeCloseTo(2000 + 0.95 * 598_000);
		expect(all.lateness!.p99Ms).toBeCloseTo(2000 + 0.99 * 598_000);
	});

	it('an empty window still has its overall row, with nothing measured', async () => {
		const empty = await sql.begin(async (tx) => {
			await actWithin(tx, sql, DEMO.assistant);
			return deliveryFigures(tx, {
				from: new Date('1990-01-01T00:00:00Z'),
				to: new Date('1990-01-02T00:00:00Z')
			});
		});
		expect(empty.channels.map((c) => [c.channel, c.sent + c.failed + c.inFlight])).toEqual([
			[null, 0],
			['EMAIL', 0],
			['SMS', 0],
			['IN_APP', 0],
			['PUSH', 0]
		]);
		expect(empty.channels.every((c) => c.successRate === null && c.latency === null)).toBe(true);
		expect(empty.reminders[0]).toMatchObject({
			channel: null,
			delivered: 0,
			lateness: null,
			overdue: 0
		});
		expect(empty.reminders).toHaveLength(5);
	});

	it('runs as the caller: a family counts only its own deliveries', async () => {
		const { seen } = await figuresOfFixture((f) => [DEMO.assistant, f.parentId, DEMO.parentMartin]);
		const [staff, own, stranger] = seen;
		expect(byChannel(staff!.channels, 'EMAIL')).toMatchObject({ sent: 3, failed: 1 });
		// The fixture's parent: all but the coach's failed email.
		expect(byChannel(own!.channels, 'EMAIL')).toMatchObject({ sent: 3, failed: 0 });
		// Another family sees none of the fixture's deliveries.
		expect(stranger!.channels.every((c) => c.sent === 0 && c.failed === 0)).toBe(true);
	});
});
