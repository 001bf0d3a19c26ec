/**
 * Discovery at 4, 40 and 400 qualified coaches: `GET /api/coaches?subject=` (cards with rating
 * and next free hour) as a parent, one request at a time so each latency is the request's own,
 * after a warm-up. Each size has its own subject, so the three directories do not mix; every
 * coach has a week of rules, a day off and a few sessions in the next days (busy times and
 * ratings to aggregate).
 */
import type { Sql } from 'postgres';
import { createCoaches, createFamilies, utcDate } from './fixtures';
import { DEMO_PARENT, signIn } from './http';
import { p50p95, round } from './stats';

export const DISCOVERY_SIZES = [4, 40, 400] as const;
type Size = (typeof DISCOVERY_SIZES)[number];
const WARM_UP = 10;
const REQUESTS = 60;

export interface DiscoveryFigures {
	coaches: number;
	p50_ms: number;
	p95_ms: number;
	/** Bytes of the JSON answer. */
	bytes: number;
}

async function seed(sql: Sql, size: Size): Promise<string> {
	// Codes are capitals and underscores only.
	const subject = `BENCH_${{ 4: 'FOUR', 40: 'FORTY', 400: 'FOUR_HUNDRED' }[size]}`;
	await sql`insert into public.subjects (code, name_fr, name_en, sort_order)
		values (${subject}, ${`Banc ${size}`}, ${`Bench ${size}`}, 900 + ${size})
		on conflict (code) do nothing`;
	const ids = await createCoaches(sql, size, `discovery${size}`, subject);
	// A day off in three days, and two completed, rated sessions and two booked ones each.
	await sql`insert into public.coach_availability (coach_id, is_recurring, specific_date, start_time, end_time, is_available)
		select id, false, ${utcDate(3)}::date, '00:00', '24:00', false from unnest(${ids}::uuid[]) as id`;
	// Each coach's sessions are with a student of their own (a student cannot be in two at once).
	const students = (await createFamilies(sql, size, 10, `discovery${size}`)).map(
		(f) => f.studentId
	);
	await sql`
		insert into public.session_bookings (coach_id, student_id, booked_by, subject_code, title, type,
			modality, meeting_url, starts_at, ends_at, duration_minutes, credits_used, status, rating, rated_at)
		select c.id, c.student, c.student, ${subject}, 'Bench', 'INDIVIDUAL', 'ONLINE', 'https://meet.example/bench',
			date_trunc('hour', now()) + make_interval(days => d.n, hours => 2 + (c.ord::int % 10)),
			date_trunc('hour', now()) + make_interval(days => d.n, hours => 3 + (c.ord::int % 10)), 60, 1,
			(case when d.n < 0 then 'COMPLETED' else 'SCHEDULED' end)::public.session_status,
			case when d.n < 0 then 4 + (c.ord::int % 2) end, case when d.n < 0 then now() end
		from unnest(${ids}::uuid[], ${students}::uuid[]) with ordinality as c (id, student, ord)
		cross join (values (-9), (-8), (1), (2)) as d (n)`;
	return subject;
}

export async function benchDiscovery(appUrl: string, sql: Sql): Promise<DiscoveryFigures[]> {
	const bearer = await signIn(appUrl, DEMO_PARENT.email, DEMO_PARENT.password);
	const figures: DiscoveryFigures[] = [];
	for (const size of DISCOVERY_SIZES) {
		const subject = await seed(sql, size);
		const url = `${appUrl}/api/coaches?subject=${subject}`;
		const latencies: number[] = [];
		let bytes = 0;
		for (let i = 0; i < WARM_UP + REQUESTS; i++) {
			const started = performance.now();
			const res = await fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
			const body = await res.text();
			const ms = performance.now() - started;
			if (!res.ok) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
			const count = (JSON.parse(body) as { coaches: unknown[] }).coaches.length;
			if (count !== size) throw new Error(`${url}: ${count} coaches, expected ${size}`);
			bytes = body.length;
			if (i >= WARM_UP) latencies.push(ms);
		}
		const { p50, p95 } = p50p95(latencies);
		figures.push({ coaches: size, p50_ms: round(p50), p95_ms: round(p95), bytes });
	}
	return figures;
}
