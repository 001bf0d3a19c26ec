import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql, makeCoach, makeFamily } from '../../tests/support/db';
import { balanceOf, bookSession, nbCode, parisAt, type BookingRequest } from './support/booking';

/**
 * Real concurrent connections (one pooled connection per attempt, each in its
 * own transaction as its own user) racing for the same resources. Each
 * scenario runs a few rounds on fresh fixtures to shake out flakiness.
 */
const ROUNDS = 3;
let sql: Sql;
let pool: Sql;
beforeAll(() => {
	sql = adminSql();
	pool = adminSql(30);
});
afterAll(async () => {
	await Promise.all([sql.end(), pool.end()]);
});

interface Attempt {
	callerId: string;
	request: BookingRequest;
}

/** Fires every attempt at once; 'ok' for a booking, else the error code. */
async function race(attempts: Attempt[]): Promise<string[]> {
	return Promise.all(
		attempts.map(({ callerId, request }) =>
			bookSession(pool, callerId, request).then(
				() => 'ok',
				(error: unknown) => nbCode(Promise.reject(error)).then((code) => code ?? 'unknown')
			)
		)
	);
}

const tally = (outcomes: string[]) =>
	outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});

/** The invariants no race may break, for the students involved. */
async function expectConsistent(studentIds: string[]) {
	const drift = await sql`
		select a.student_id, a.balance, coalesce(sum(t.amount), 0)::int as ledger
		from public.credit_accounts a
		left join public.credit_transactions t on t.student_id = a.student_id
		where a.student_id = any(${studentIds}::uuid[])
		group by a.student_id, a.balance
		having a.balance <> coalesce(sum(t.amount), 0) or a.balance < 0`;
	expect(drift).toEqual([]);
	const overlaps = await sql`
		select a.id, b.id from public.session_bookings a
		join public.session_bookings b on a.id < b.id
			-- Seats of one group share the coach's slot; nothing else may overlap.
			and ((a.coach_id = b.coach_id and a.seat_key <> b.seat_key) or a.student_id = b.student_id)
			and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
		where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'`;
	expect(overlaps).toEqual([]);
}

describe('concurrent bookings', () => {
	it('many families racing for one coach slot: exactly one wins, the rest get NB_SLOT_TAKEN', async () => {
		for (let round = 0; round < ROUNDS; round++) {
			const coachId = await makeCoach(sql);
			const { parentId, studentIds } = await makeFamily(sql, { children: 25, credits: 2 });
			const startsAt = await parisAt(sql, 4 + round, '15:00');
			const outcomes = await race(
				studentIds.map((studentId) => ({
					callerId: parentId,
					request: { coachId, studentId, startsAt }
				}))
			);
			expect(tally(outcomes)).toEqual({ ok: 1, NB_SLOT_TAKEN: 24 });
			const booked =
				await sql`select student_id from public.session_bookings where coach_id = ${coachId}`;
			expect(booked).toHaveLength(1);
			await expectConsistent(studentIds);
		}
	});

	it('one student booking overlapping slots with many coaches at once: exactly one wins', async () => {
		for (let round = 0; round < ROUNDS; round++) {
			const coachIds = await Promise.all(Array.from({ length: 20 }, () => makeCoach(sql)));
			const { parentId, studentIds } = await makeFamily(sql, { credits: 40 });
			const studentId = studentIds[0]!;
			// Starts at 14:00 or 14:30 for an hour: every pair overlaps.
			const starts = [
				await parisAt(sql, 5 + round, '14:00'),
				await parisAt(sql, 5 + round, '14:30')
			];
			const outcomes = await race(
				coachIds.map((coachId, i) => ({
					callerId: i % 2 ? studentId : parentId,
					request: { coachId, studentId, startsAt: starts[i % 2]! }
				}))
			);
			expect(tally(outcomes)).toEqual({ ok: 1, NB_STUDENT_BUSY: 19 });
			expect(await balanceOf(sql, studentId)).toBe(39);
			await expectConsistent(studentIds);
		}
	});

	it('a student with 3 credits firing 10 bookings of distinct free slots gets exactly 3', async () => {
		for (let round = 0; round < ROUNDS; round++) {
			const coachId = await makeCoach(sql);
			const { parentId, studentIds } = await makeFamily(sql, { credits: 3 });
			const studentId = studentIds[0]!;
			const hours = [
				'08:00',
				'09:00',
				'10:00',
				'11:00',
				'12:00',
				'13:00',
				'14:00',
				'15:00',
				'16:00',
				'17:00'
			];
			const starts = await Promise.all(hours.map((h) => parisAt(sql, 6 + round, h)));
			const outcomes = await race(
				starts.map((startsAt) => ({
					callerId: parentId,
					request: { coachId, studentId, startsAt }
				}))
			);
			expect(tally(outcomes)).toEqual({ ok: 3, NB_INSUFFICIENT_CREDITS: 7 });
			const debits = await sql`select 1 from public.credit_transactions
				where student_id = ${studentId} and kind = 'DEBIT'`;
			expect({ balance: await balanceOf(sql, studentId), debits: debits.length }).toEqual({
				balance: 0,
				debits: 3
			});
			await expectConsistent(studentIds);
		}
	});

	it('read in id order, the ledger is a running balance even when bookings commit concurrently', async () => {
		const coachIds = await Promise.all(Array.from({ length: 8 }, () => makeCoach(sql)));
		const { parentId, studentIds } = await makeFamily(sql, { credits: 5 });
		const studentId = studentIds[0]!;
		const startsAt = await Promise.all(coachIds.map((_, i) => parisAt(sql, 9, `${8 + i}:00`)));
		await race(
			coachIds.map((coachId, i) => ({
				callerId: parentId,
				request: { coachId, studentId, startsAt: startsAt[i]! }
			}))
		);
		const ledger = await sql<{ amount: number; balance_after: number }[]>`
			select amount, balance_after from public.credit_transactions
			where student_id = ${studentId} order by id`;
		expect(ledger.length).toBeGreaterThan(1);
		ledger.reduce((before, entry) => {
			expect(entry.balance_after).toBe(before + entry.amount);
			return entry.balance_after;
		}, 0);
		expect(ledger.at(-1)!.balance_after).toBe(await balanceOf(sql, studentId));
	});

	it('the same request retried concurrently with one idempotency key books once', async () => {
		for (let round = 0; round < ROUNDS; round++) {
			const coachId = await makeCoach(sql);
			const { parentId, studentIds } = await makeFamily(sql, { credits: 5 });
			const request = {
				coachId,
				studentId: studentIds[0]!,
				startsAt: await parisAt(sql, 7 + round, '11:00'),
				idempotencyKey: `retry-${coachId}`
			};
			const results = await Promise.all(
				Array.from({ length: 10 }, () => bookSession(pool, parentId, request))
			);
			expect(new Set(results.map((r) => r.session.id)).size).toBe(1);
			expect(results.filter((r) => !r.replayed)).toHaveLength(1);
			await expectConsistent(studentIds);
		}
	});
});
