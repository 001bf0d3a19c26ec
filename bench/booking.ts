/**
 * Booking throughput under contention, and what it must never produce: 16 clients (one per
 * family, acting as its parent under RLS) book random overlapping hours of a few coaches through
 * the same service the API uses. Baseline: trivial one-row update transactions, same driver and
 * pool, same duration.
 */
import postgres, { type Sql } from 'postgres';
import { bookSession } from '../src/lib/features/booking/book.server';
import { runAsUser } from '../src/lib/server/db/as-user';
import { mapDatabaseError } from '../src/lib/server/http/db-errors';
import { ApiError } from '../src/lib/server/http/errors';
import {
	claimsOf,
	createCoaches,
	createFamilies,
	utcDate,
	wallTime,
	type BenchFamily
} from './fixtures';
import { p50p95, round, runClients } from './stats';
import { benchWriteSet, type WriteSetFigures } from './write-set';

export const CLIENTS = 16;
const COACHES = 4;
/** Bookable days: from the day after tomorrow (minimum notice) to within the 90-day horizon. */
const FIRST_DAY = 2;
const DAYS = 85;
/** Hour-long sessions on a 30-minute grid, so neighbouring picks overlap. */
const STARTS_PER_DAY = 47;

export interface BookingFigures {
	bookings_per_s: number;
	conflicts_per_s: number;
	baseline_tx_per_s: number;
	ratio: number;
	double_bookings: number;
	negative_balances: number;
	ledger_mismatches: number;
	attempts: number;
	outcomes: Record<string, number>;
	/** One client booking its own coach's free hours one after another: each booking's own cost. */
	single_client_p50_ms: number;
	single_client_p95_ms: number;
	/** book_session's own time in the server (100 calls in a loop inside PostgreSQL), median of 6. */
	rpc_server_ms: number;
	/** Bookings/s ÷ the same rows written by one plain statement/s (`write-set.ts`), 16 clients. */
	write_set_ratio: number;
	four_coaches_write_set_ratio: number;
	one_coach_write_set_ratio: number;
	write_set: WriteSetFigures;
}

const pick = (n: number) => Math.floor(Math.random() * n);

function outcomeOf(error: unknown): string {
	const api = error instanceof ApiError ? error : mapDatabaseError(error);
	if (!api) return `error:${(error as { code?: string }).code ?? 'unknown'}`;
	return api.code === 'SLOT_TAKEN' || api.code === 'STUDENT_BUSY'
		? 'conflict'
		: `error:${api.code}`;
}

function bookingBody(family: BenchFamily, coachId: string, day: number, start: number) {
	return {
		coachId,
		studentId: family.studentId,
		subject: 'MATHEMATIQUES',
		scheduledDate: utcDate(FIRST_DAY + day),
		startTime: wallTime(start),
		endTime: wallTime(start + 60),
		duration: 60,
		title: 'Bench session',
		creditsToUse: 1,
		type: 'INDIVIDUAL' as const,
		modality: 'ONLINE' as const
	};
}

/** 300 bookings in a row by one client of one coach, every one a free hour (20 a day). */
async function singleClient(sql: Sql) {
	const [coach] = await createCoaches(sql, 1, 'solo');
	const [family] = await createFamilies(sql, 1, 1_000_000, 'solo');
	const latencies: number[] = [];
	for (let i = 0; i < 320; i++) {
		const body = bookingBody(family!, coach!, Math.floor(i / 20), (i % 20) * 60);
		const started = performance.now();
		await runAsUser(sql, claimsOf(family!), (tx) => bookSession(tx, body));
		if (i >= 20) latencies.push(performance.now() - started);
	}
	const { p50, p95 } = p50p95(latencies);
	return { single_client_p50_ms: round(p50), single_client_p95_ms: round(p95) };
}

/**
 * book_session alone, inside PostgreSQL (no client round trip): 6 rounds of 100 calls in one
 * session as the parent, each on a free hour of a coach of its own.
 */
async function rpcServerTime(sql: Sql) {
	const [coach] = await createCoaches(sql, 1, 'rpc');
	const [family] = await createFamilies(sql, 1, 1_000_000, 'rpc');
	await sql`
		create or replace function public.bench_book_loop(p_claims text, p_coach uuid, p_student uuid,
			p_offset int) returns double precision language plpgsql as $$
		declare t0 timestamptz;
		begin
			perform set_config('request.jwt.claims', p_claims, true);
			t0 := clock_timestamp();
			for i in 0..99 loop
				perform public.book_session(p_coach, p_student, 'MATHEMATIQUES',
					date_trunc('day', now()) + make_interval(days => 3 + (p_offset + i) / 20,
						hours => (p_offset + i) % 20), 60, 'Bench', 1);
			end loop;
			return extract(epoch from clock_timestamp() - t0) * 1000 / 100;
		end $$`;
	const claims = JSON.stringify(claimsOf(family!));
	const rounds: number[] = [];
	await sql.begin(async (tx) => {
		for (let round = 0; round < 6; round++) {
			const [row] = await tx<{ ms: number }[]>`
				select public.bench_book_loop(${claims}, ${coach!}::uuid, ${family!.studentId}::uuid,
					${round * 100}) as ms`;
			rounds.push(row!.ms);
		}
	});
	return round(p50p95(rounds).p50, 3);
}

async function attemptBooking(sql: Sql, family: BenchFamily, coaches: string[]): Promise<string> {
	const body = bookingBody(
		family,
		coaches[pick(coaches.length)]!,
		pick(DAYS),
		pick(STARTS_PER_DAY) * 30
	);
	try {
		await runAsUser(sql, claimsOf(family), (tx) => bookSession(tx, body));
		return 'booked';
	} catch (error) {
		return outcomeOf(error);
	}
}

/** Overlapping live sessions of one coach or one student, over the whole table: must be 0. */
async function integrity(sql: Sql) {
	const [row] = await sql<
		{ doubleBookings: number; negativeBalances: number; ledgerMismatches: number }[]
	>`
		select
			(select count(*)::int from public.session_bookings a
				join public.session_bookings b on a.id < b.id
					and ((a.coach_id = b.coach_id and a.seat_key <> b.seat_key) or a.student_id = b.student_id)
					and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
				where a.status <> 'CANCELLED' and b.status <> 'CANCELLED') as "doubleBookings",
			(select count(*)::int from public.credit_accounts where balance < 0) as "negativeBalances",
			(select count(*)::int from public.credit_accounts a
				where a.balance <> (select coalesce(sum(t.amount), 0) from public.credit_transactions t
					where t.student_id = a.student_id)) as "ledgerMismatches"`;
	return row!;
}

async function baseline(sql: Sql, durationMs: number): Promise<number> {
	await sql`create table if not exists public.bench_counter (id int primary key, n bigint not null)`;
	await sql`insert into public.bench_counter (id, n)
		select i, 0 from generate_series(1, ${CLIENTS}::int) as i on conflict do nothing`;
	const { counts, seconds } = await runClients(CLIENTS, durationMs, async (client) => {
		await sql.begin((tx) => tx`update public.bench_counter set n = n + 1 where id = ${client + 1}`);
		return 'tx';
	});
	return (counts.get('tx') ?? 0) / seconds;
}

export async function benchBooking(url: string, durationMs: number): Promise<BookingFigures> {
	const sql = postgres(url, { max: CLIENTS, onnotice: () => {} });
	try {
		const coaches = await createCoaches(sql, COACHES, 'contention');
		const families = await createFamilies(sql, CLIENTS, 1_000_000, 'contention');
		const { counts, seconds } = await runClients(CLIENTS, durationMs, (client) =>
			attemptBooking(sql, families[client]!, coaches)
		);
		const baselineTxPerS = await baseline(sql, durationMs);
		const single = await singleClient(sql);
		const rpcServerMs = await rpcServerTime(sql);
		const writeSet = await benchWriteSet(sql, durationMs / 2);
		const checks = await integrity(sql);
		const bookingsPerS = (counts.get('booked') ?? 0) / seconds;
		return {
			bookings_per_s: round(bookingsPerS, 1),
			conflicts_per_s: round((counts.get('conflict') ?? 0) / seconds, 1),
			baseline_tx_per_s: round(baselineTxPerS, 1),
			ratio: round(bookingsPerS / baselineTxPerS, 3),
			double_bookings: checks.doubleBookings,
			negative_balances: checks.negativeBalances,
			ledger_mismatches: checks.ledgerMismatches,
			attempts: [...counts.values()].reduce((a, b) => a + b, 0),
			outcomes: Object.fromEntries(counts),
			...single,
			rpc_server_ms: rpcServerMs,
			write_set_ratio: writeSet.own_coach.ratio,
			four_coaches_write_set_ratio: writeSet.four_coaches.ratio,
			one_coach_write_set_ratio: writeSet.one_coach.ratio,
			write_set: writeSet
		};
	} finally {
		await sql.end({ timeout: 5 });
	}
}
