/**
 * `npm run seed:year -- [--database-url=postgres://…]` (else DATABASE_URL): adds a year of
 * realistic activity to a migrated database, for the analytics page and its benchmark:
 * 50 coaches, 1,300 parents with 2,000 students, ≈ 100,000 one-hour sessions over the last 365
 * days and the next 13 (completed, cancelled by each party with or without refund, no-shows,
 * ratings and feedback, reschedules), the booking funnel's usage events with abandoned
 * journeys, bulk-tool uses, date overrides, push subscriptions and English interfaces.
 *
 * Set-based SQL in one transaction as the superuser (≈ 20 s). Accounts go through auth.users (so
 * profiles and credit accounts come from the same trigger as a sign-up); the sessions are
 * written with triggers off (`session_replication_role = replica`): no live broadcast, outbox
 * event or reminder for history. Deterministic: the same database gets the same year.
 * Idempotent per database: a second run finds the seed's accounts and does nothing.
 */
import postgres, { type Sql, type TransactionSql } from 'postgres';
import { DEMO } from '../tests/support/demo';

export const SEED_YEAR = { coaches: 50, parents: 1_300, students: 2_000 } as const;
const DOMAIN = 'seed-year.test';

export interface SeedYearReport {
	coaches: number;
	students: number;
	sessions: number;
	usageEvents: number;
	seconds: number;
}

export async function seedYear(sql: Sql): Promise<SeedYearReport> {
	const started = performance.now();
	await sql.begin(async (tx) => {
		const [done] = await tx`select 1 from auth.users where email = ${`coach0@${DOMAIN}`}`;
		if (done) return;
		await tx`select setseed(0.42)`;
		await accounts(tx);
		await tx`set local session_replication_role = replica`;
		await availability(tx);
		await sessions(tx);
		await history(tx);
		await usage(tx);
		// The sessions and events went in with triggers off: the analytics rollups are rebuilt.
		await tx`set local session_replication_role = origin`;
		await tx`select private.rebuild_analytics_daily()`;
		await tx`select private.rebuild_analytics_months()`;
	});
	const [counts] = await sql<
		{ coaches: number; students: number; sessions: number; events: number }[]
	>`
		select (select count(*)::int from public.profiles where role = 'coach') as coaches,
			(select count(*)::int from public.profiles where role = 'student') as students,
			(select count(*)::int from public.session_bookings) as sessions,
			(select count(*)::int from public.usage_events) as events`;
	await sql`analyze`;
	return {
		coaches: counts!.coaches,
		students: counts!.students,
		sessions: counts!.sessions,
		usageEvents: counts!.events,
		seconds: Math.round((performance.now() - started) / 100) / 10
	};
}

type Tx = TransactionSql;

async function accounts(tx: Tx) {
	const { coaches, parents, students } = SEED_YEAR;
	// One id per account, derived from its role and number: the later inserts join on them.
	await tx`
		insert into auth.users (id, email, raw_app_meta_data, raw_user_meta_data)
		select gen_random_uuid(), a.role || a.n || ${`@${DOMAIN}`},
			jsonb_build_object('role', a.role),
			jsonb_build_object('first_name', initcap(a.role) || a.n, 'last_name', 'Année',
				'time_zone', 'Europe/Paris')
		from (
			select 'coach' as role, n from generate_series(0, ${coaches - 1}::int) n
			union all select 'parent', n from generate_series(0, ${parents - 1}::int) n
			union all select 'student', n from generate_series(0, ${students - 1}::int) n
		) a`;
	await tx`
		create temporary table seed_people on commit drop as
		select p.id, p.role, substring(p.email from '^[a-z]+([0-9]+)@')::int as n
		from public.profiles p where p.email like ${`%@${DOMAIN}`}`;
	await tx`
		insert into public.parent_students (parent_id, student_id)
		select pa.id, st.id from seed_people st
		join seed_people pa on pa.role = 'parent' and pa.n = st.n % ${parents}::int
		where st.role = 'student'`;
	// Two subjects per coach, every subject taught.
	await tx`
		insert into public.coach_subjects (coach_id, subject_code)
		select c.id, s.code from seed_people c
		join (select code, row_number() over (order by sort_order) - 1 as i from public.subjects) s
			on s.i in (c.n % 9, (c.n + 4) % 9)
		where c.role = 'coach'`;
	// A family in ten reads the app in English; three in ten allowed push on a phone.
	await tx`update public.profiles p set locale = 'en' from seed_people s
		where s.id = p.id and s.role in ('parent', 'student') and s.n % 10 = 3`;
	await tx`
		insert into public.push_subscriptions (user_id, endpoint, p256dh, auth)
		select s.id, 'https://push.example.test/' || s.id, 'seed', 'seed'
		from seed_people s where s.role = 'parent' and s.n % 10 in (1, 4, 7)`;
}

async function availability(tx: Tx) {
	// Monday to Saturday 09:00–20:00; one coach in five keeps Saturdays free.
	await tx`
		insert into public.coach_availability (coach_id, is_recurring, day_of_week, start_time, end_time)
		select c.id, true, d, '09:00', '20:00' from seed_people c, generate_series(1, 6) d
		where c.role = 'coach' and not (d = 6 and c.n % 5 = 0)`;
	// Half the coaches took days off (date overrides): about one day a month.
	await tx`
		insert into public.coach_availability
			(coach_id, is_recurring, specific_date, start_time, end_time, is_available)
		select distinct c.id, false, current_date - (abs(hashtext(c.id::text || k)) % 365), time '00:00',
			time '24:00', false
		from seed_people c, generate_series(1, 12) k
		where c.role = 'coach' and c.n % 2 = 0`;
}

async function sessions(tx: Tx) {
	const { coaches, parents } = SEED_YEAR;
	// Every open hour of every coach is booked with probability 0.6. At a given hour, coach c
	// teaches student c + 50·k (one k per hour for all coaches), so nobody is in two places.
	await tx`
		create temporary table seed_sessions on commit drop as
		select gen_random_uuid() as id, c.id as coach_id, st.id as student_id, pa.id as parent_id,
			(select cs.subject_code from public.coach_subjects cs where cs.coach_id = c.id
				order by cs.subject_code offset (st.n % 2) limit 1) as subject_code,
			(h.day + make_interval(hours => h.hour)) at time zone 'Europe/Paris' as starts_at,
			random() as r, random() as r2, random() as r3
		from (
			select d::date as day, hour from generate_series(current_date - 365, current_date + 13,
				interval '1 day') d, generate_series(9, 19) hour
			where extract(dow from d) <> 0
		) h
		join seed_people c on c.role = 'coach'
		join seed_people st on st.role = 'student'
			and st.n = c.n + ${coaches}::int * (abs(hashtext(h.day::text || h.hour)) % 40)
		join seed_people pa on pa.role = 'parent' and pa.n = st.n % ${parents}::int
		where random() < 0.6
			and not (extract(dow from h.day) = 6 and c.n % 5 = 0)
			and not exists (select 1 from public.coach_availability a
				where a.coach_id = c.id and not a.is_recurring and a.specific_date = h.day)`;
	await tx`
		insert into public.session_bookings (
			id, student_id, coach_id, parent_id, booked_by, subject_code, type, modality, title,
			starts_at, ends_at, duration_minutes, status, credits_used, rating, feedback, rated_at,
			rated_by, meeting_url, cancelled_by, cancelled_at, confirmed_at, started_at, completed_at,
			created_at, seat_key)
		select s.id, s.student_id, s.coach_id, s.parent_id, s.parent_id, s.subject_code,
			'INDIVIDUAL', 'ONLINE', 'Séance', s.starts_at, s.starts_at + interval '1 hour', 60,
			x.status::public.session_status, 1,
			case when x.rated then 5 - floor(s.r3 * s.r3 * 5)::int end,
			case when x.rated and s.r3 < 0.3 then 'Séance utile, merci.' end,
			case when x.rated then s.starts_at + interval '4 hours' end,
			case when x.rated then s.parent_id end,
			'https://meet.jit.si/nexus-' || s.id,
			case when x.status = 'CANCELLED' then
				case when s.r2 < 0.6 then s.parent_id when s.r2 < 0.85 then s.coach_id
					else ${DEMO.admin}::uuid end end, -- staff cancellations are the demo admin's
			case when x.status = 'CANCELLED' then s.starts_at - make_interval(hours => (s.r3 * 72)::int) end,
			case when x.status in ('COMPLETED', 'NO_SHOW') then s.starts_at - interval '1 day' end,
			case when x.status = 'COMPLETED' then s.starts_at end,
			case when x.status = 'COMPLETED' then s.starts_at + interval '1 hour' end,
			s.starts_at - make_interval(hours => 26 + (s.r2 * 300)::int),
			s.id::text
		from seed_sessions s, lateral (
			select case
				when s.r < 0.08 then 'CANCELLED'
				when s.starts_at > now() then 'SCHEDULED'
				when s.r < 0.11 then 'NO_SHOW'
				else 'COMPLETED' end as status,
			s.r >= 0.11 and s.starts_at < now() and s.r2 < 0.62 as rated
		) x`;
	// Refunds: a coach's or staff's cancellation always, a family's when early enough (7 in 10).
	await tx`
		insert into public.credit_transactions
			(student_id, kind, amount, balance_after, session_id, reason, created_by, created_at)
		select b.student_id, 'REFUND', b.credits_used, b.credits_used, b.id, 'Annulation : Séance',
			b.cancelled_by, b.cancelled_at
		from public.session_bookings b join seed_sessions s on s.id = b.id
		where b.status = 'CANCELLED' and (b.cancelled_by <> b.parent_id or s.r3 < 0.7)`;
}

async function history(tx: Tx) {
	await tx`
		insert into public.session_status_history (session_id, from_status, to_status, changed_by, created_at)
		select b.id, 'CONFIRMED', 'NO_SHOW', b.coach_id, b.ends_at
		from public.session_bookings b join seed_sessions s on s.id = b.id where b.status = 'NO_SHOW'`;
	// One session in twenty was moved by its family a few days after booking.
	await tx`
		insert into public.session_status_history (session_id, from_status, to_status, changed_by, notes, created_at)
		select b.id, 'SCHEDULED', 'SCHEDULED', b.parent_id,
			'rescheduled from ' || to_char((b.starts_at - interval '1 day') at time zone 'UTC',
				'YYYY-MM-DD"T"HH24:MI"Z"'),
			b.created_at + interval '1 day'
		from public.session_bookings b join seed_sessions s on s.id = b.id
		where s.r2 > 0.95 and b.status <> 'CANCELLED'`;
}

async function usage(tx: Tx) {
	// Each booking's journey a few minutes before it; half the bookings were preceded by an
	// abandoned visit the day before (3 in 10 reached a coach, 15 in 100 a slot).
	await tx`
		insert into public.usage_events (user_id, kind, subject_code, coach_id, occurred_at)
		select b.booked_by, j.kind::public.usage_event_kind,
			case when j.kind <> 'WIZARD_STARTED' then b.subject_code end,
			case when j.kind <> 'WIZARD_STARTED' then b.coach_id end,
			b.created_at - j.before
		from public.session_bookings b join seed_sessions s on s.id = b.id,
		lateral (values ('WIZARD_STARTED', interval '5 minutes', true),
			('COACH_CHOSEN', interval '4 minutes', true), ('SLOT_CHOSEN', interval '2 minutes', true),
			('BOOKED', interval '0 minutes', true),
			('WIZARD_STARTED', interval '1 day', s.r3 < 0.5),
			('COACH_CHOSEN', interval '1 day' - interval '1 minute', s.r3 < 0.3),
			('SLOT_CHOSEN', interval '1 day' - interval '2 minutes', s.r3 < 0.15)
		) j(kind, before, happened)
		where j.happened and b.created_at - j.before < now()`;
	await tx`
		insert into public.usage_events (user_id, kind, occurred_at)
		select c.id, 'AVAILABILITY_BULK', now() - make_interval(days => k * 29)
		from seed_people c, generate_series(1, 12) k
		where c.role = 'coach' and c.n % 5 in (1, 2)`;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
	const flag = process.argv.find((a) => a.startsWith('--database-url='));
	const url = flag?.slice('--database-url='.length) ?? process.env.DATABASE_URL;
	if (!url) {
		console.error('seed:year needs --database-url=postgres://… or DATABASE_URL');
		process.exit(2);
	}
	const sql = postgres(url, { max: 2, onnotice: () => {} });
	try {
		const report = await seedYear(sql);
		console.log(
			`seed:year: ${report.coaches} coaches, ${report.students} students, ${report.sessions} sessions, ${report.usageEvents} usage events in the database (${report.seconds} s)`
		);
	} finally {
		await sql.end({ timeout: 5 });
	}
}
