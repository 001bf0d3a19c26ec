/**
 * The demo week (supabase/seed-week.sql) on a database of its own, copied from the run's
 * seeded template: loaded as the app loads it (seedOnce), once, consistent as if every session
 * had gone through the RPCs. Assertions are about the instant it ran, never the weekday or hour.
 */
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { privateDatabase } from '../../../../tests/support/test-database';
import { seedOnce } from './migrate';
import { readProjectSqlFiles } from './sql-files';

let db: Awaited<ReturnType<typeof privateDatabase>>;
let sql: Sql;
const DEMO_COACHES = [
	'00000000-0000-4000-8000-000000000011',
	'00000000-0000-4000-8000-000000000012',
	'00000000-0000-4000-8000-000000000013',
	'00000000-0000-4000-8000-000000000014'
];
const COACH_MATHS = DEMO_COACHES[0]!;

beforeAll(async () => {
	db = await privateDatabase(inject('databaseUrl'));
	sql = postgres(db.url, { max: 2, onnotice: () => {} });
	const files = await readProjectSqlFiles();
	expect(await seedOnce(sql, files.demoWeek)).toBe(true);
}, 60_000);

afterAll(async () => {
	await sql?.end({ timeout: 5 });
	await db?.drop();
});

const weekSessions = () =>
	sql<
		{
			id: string;
			coach_id: string;
			status: string;
			starts_at: Date;
			ends_at: Date;
			rating: number | null;
			paris_dow: number;
		}[]
	>`
		select id, coach_id, status::text, starts_at, ends_at, rating,
			extract(dow from starts_at at time zone 'Europe/Paris')::int as paris_dow
		from public.session_bookings where id::text like '20000000-%' order by starts_at`;

describe('the demo week', () => {
	it('shows the board working: one running now, cancelled, no-show, rated, upcoming, all four coaches', async () => {
		const sessions = await weekSessions();
		expect(sessions.length).toBe(15);
		const now = Date.now();
		const running = sessions.filter((s) => s.status === 'IN_PROGRESS');
		expect(running).toHaveLength(1);
		expect(running[0]!.starts_at.getTime()).toBeLessThan(now);
		expect(running[0]!.ends_at.getTime()).toBeGreaterThan(now);
		expect(sessions.filter((s) => s.status === 'CANCELLED')).toHaveLength(1);
		expect(sessions.filter((s) => s.status === 'NO_SHOW')).toHaveLength(1);
		expect(sessions.some((s) => s.status === 'COMPLETED' && s.rating !== null)).toBe(true);
		const upcoming = sessions.filter(
			(s) => ['SCHEDULED', 'CONFIRMED'].includes(s.status) && s.starts_at.getTime() > now
		);
		expect(upcoming.length).toBeGreaterThanOrEqual(6);
		expect(new Set(sessions.map((s) => s.coach_id))).toEqual(new Set(DEMO_COACHES));
		// Past sessions are in the past, live ones not over.
		for (const s of sessions) {
			if (['COMPLETED', 'NO_SHOW'].includes(s.status))
				expect(s.starts_at.getTime()).toBeLessThan(now);
			if (['SCHEDULED', 'CONFIRMED', 'CANCELLED'].includes(s.status))
				expect(s.starts_at.getTime()).toBeGreaterThan(now);
		}
	});

	it('leaves the coach journeys their ground: coach maths never on a Thursday or Friday, nor near now', async () => {
		const maths = (await weekSessions()).filter((s) => s.coach_id === COACH_MATHS);
		expect(maths.length).toBeGreaterThanOrEqual(3);
		for (const s of maths) {
			expect([4, 5]).not.toContain(s.paris_dow);
			expect(Math.abs(s.starts_at.getTime() - Date.now())).toBeGreaterThan(12 * 3600_000);
		}
	});

	it('puts every session inside its coach’s availability (but one that would cross midnight)', async () => {
		const outside = await sql<{ id: string }[]>`
			select s.id from public.session_bookings s
			where s.id::text like '20000000-%'
			  and (s.starts_at at time zone 'Europe/Paris')::date
			    = (s.ends_at at time zone 'Europe/Paris' - interval '1 microsecond')::date
			  and not private.is_slot_available(s.coach_id, s.starts_at, s.ends_at)`;
		expect(outside.map((s) => s.id)).toEqual([]);
	});

	it('keeps every balance equal to its ledger, read in order', async () => {
		const rows = await sql<{ student_id: string; balance: number; total: number; last: number }[]>`
			select a.student_id, a.balance,
				(select coalesce(sum(t.amount), 0)::int from public.credit_transactions t where t.student_id = a.student_id) as total,
				(select t.balance_after from public.credit_transactions t where t.student_id = a.student_id order by t.id desc limit 1) as last
			from public.credit_accounts a`;
		for (const row of rows) {
			expect(row.total).toBe(row.balance);
			if (row.last !== null) expect(row.last).toBe(row.balance);
		}
		const [cancelled] = await sql<{ kinds: string[] }[]>`
			select array_agg(t.kind::text order by t.id) as kinds from public.credit_transactions t
			join public.session_bookings s on s.id = t.session_id where s.status = 'CANCELLED'
			  and s.id::text like '20000000-%'`;
		expect(cancelled!.kinds).toEqual(['DEBIT', 'REFUND']);
	});

	it('wakes no stale reminder and announces nothing: no past PENDING mark, no outbox event', async () => {
		const [stale] = await sql<{ n: number }[]>`
			select count(*)::int as n from public.session_reminders r
			where r.status = 'PENDING' and r.due_at <= now()`;
		expect(stale!.n).toBe(0);
		const [marks] = await sql<{ n: number }[]>`
			select count(*)::int as n from public.session_reminders r
			where r.session_id::text like '20000000-%'`;
		expect(marks!.n).toBe(15 * 3);
		const [events] = await sql<{ n: number }[]>`
			select count(*)::int as n from public.notification_events
			where session_id::text like '20000000-%'`;
		expect(events!.n).toBe(0);
	});

	it('gives the assistant something to resolve: an open credit request and a failed delivery', async () => {
		const requests =
			await sql`select status::text from public.credit_requests where status = 'OPEN'`;
		expect(requests.length).toBeGreaterThanOrEqual(1);
		const failed = await sql`select id from public.session_notifications where status = 'FAILED'`;
		expect(failed.length).toBeGreaterThanOrEqual(1);
	});

	it('every session has its history from booking to its status', async () => {
		const rows = await sql<{ status: string; last: string; first: string | null }[]>`
			select s.status::text,
				(select h.to_status::text from public.session_status_history h where h.session_id = s.id order by h.id desc limit 1) as last,
				(select coalesce(h.from_status::text, 'none') from public.session_status_history h where h.session_id = s.id order by h.id limit 1) as first
			from public.session_bookings s where s.id::text like '20000000-%'`;
		for (const row of rows) {
			expect(row.last).toBe(row.status);
			expect(row.first).toBe('none');
		}
	});

	it('loads once: a second start adds nothing, even with the record of it lost', async () => {
		const files = await readProjectSqlFiles();
		expect(await seedOnce(sql, files.demoWeek)).toBe(false);
		await sql`delete from supabase_migrations.seed_files where path = ${files.demoWeek.name}`;
		expect(await seedOnce(sql, files.demoWeek)).toBe(true);
		expect(await weekSessions()).toHaveLength(15);
		const [ledger] = await sql<{ n: number }[]>`
			select count(*)::int as n from public.credit_transactions where reason like 'Pack%'
			  and student_id::text like '00000000-0000-4000-8000-00000000005%'`;
		expect(ledger!.n).toBe(4);
	});
});
