/**
 * A booking against the physical limit of its data model: the rows one booking writes (the
 * session with its exclusion constraints, the balance, the ledger row, the history row, the
 * outbox event, three reminders) written by ONE plain statement per transaction, as the
 * superuser, with the tables' own triggers (seat key, analytics rollups) but without the live
 * broadcasts (of the session and of the balance): those two triggers are disabled for the
 * baseline phases only (the bench database is throwaway). Booking runs through `bookSession` as
 * the API does, broadcasts included.
 *
 * Three regimes, each with fresh coaches and families: every client its own coach, the 16
 * clients on four coaches, all on one coach. Clients sharing a coach take disjoint hours, so
 * nothing conflicts and each attempt is a booking: what is measured is the cost of writing and
 * of waiting for each other (the coach lock, the commit), not of losing races.
 */
import type { Sql } from 'postgres';
import { bookSession } from '../src/lib/features/booking/book.server';
import { runAsUser } from '../src/lib/server/db/as-user';
import {
	claimsOf,
	createCoaches,
	createFamilies,
	utcDate,
	wallTime,
	type BenchFamily
} from './fixtures';
import { round, runClients } from './stats';

const CLIENTS = 16;
/** Hour-long sessions from 00:00 to 23:00 (UTC coaches), from the day after tomorrow. */
const FIRST_DAY = 2;
const HOURS_PER_DAY = 23;
const DAYS = 85;

export interface WriteSetRegime {
	coaches: number;
	bookings_per_s: number;
	write_set_per_s: number;
	ratio: number;
}

export interface WriteSetFigures {
	/** Each client its own coach. */
	own_coach: WriteSetRegime;
	four_coaches: WriteSetRegime;
	one_coach: WriteSetRegime;
}

/**
 * Client k's i-th hour: the coach it shares with `CLIENTS / coaches` others, a disjoint hour.
 * Bookings stay within the booking horizon; the plain statement, which checks no horizon, may
 * go past it (it writes faster than 23 hours a day for 85 days allow on one coach).
 */
function slotOf(client: number, i: number, coaches: number, withinHorizon = true) {
	const sharers = CLIENTS / coaches;
	const index = i * sharers + Math.floor(client / coaches);
	if (withinHorizon && index >= HOURS_PER_DAY * DAYS) {
		throw new Error('write-set bench: no free hour left within the horizon');
	}
	return {
		coach: client % coaches,
		day: FIRST_DAY + Math.floor(index / HOURS_PER_DAY),
		hour: index % HOURS_PER_DAY
	};
}

async function fixtures(sql: Sql, coaches: number, label: string) {
	return {
		coaches: await createCoaches(sql, coaches, label),
		families: await createFamilies(sql, CLIENTS, 1_000_000, label)
	};
}

async function bookings(sql: Sql, coachCount: number, durationMs: number) {
	const { coaches, families } = await fixtures(sql, coachCount, `ws-book-${coachCount}`);
	const made = new Array<number>(CLIENTS).fill(0);
	const { counts, seconds } = await runClients(CLIENTS, durationMs, async (client) => {
		const slot = slotOf(client, made[client]!++, coachCount);
		const family = families[client]!;
		await runAsUser(sql, claimsOf(family), (tx) =>
			bookSession(tx, {
				coachId: coaches[slot.coach]!,
				studentId: family.studentId,
				subject: 'MATHEMATIQUES',
				scheduledDate: utcDate(slot.day),
				startTime: wallTime(slot.hour * 60),
				endTime: wallTime(slot.hour * 60 + 60),
				duration: 60,
				title: 'Bench session',
				creditsToUse: 1,
				type: 'INDIVIDUAL',
				modality: 'ONLINE'
			})
		);
		return 'booked';
	});
	return (counts.get('booked') ?? 0) / seconds;
}

/** The same rows as one booking, in one statement. */
function writeOnce(sql: Sql, family: BenchFamily, coachId: string, startsAt: string) {
	return sql.begin(
		(tx) => tx`
		with s as (
			insert into public.session_bookings (student_id, coach_id, parent_id, booked_by,
				subject_code, type, modality, title, starts_at, ends_at, duration_minutes, status,
				credits_used, meeting_url)
			values (${family.studentId}, ${coachId}, ${family.parentId}, ${family.parentId},
				'MATHEMATIQUES', 'INDIVIDUAL', 'ONLINE', 'Bench session', ${startsAt}::timestamptz,
				${startsAt}::timestamptz + interval '1 hour', 60, 'SCHEDULED', 1,
				'https://meet.jit.si/nexus-' || gen_random_uuid())
			returning id, student_id, starts_at
		), c as (
			update public.credit_accounts a set balance = a.balance - 1, updated_at = now()
			where a.student_id = ${family.studentId} and a.balance >= 1
			returning a.balance
		), t as (
			insert into public.credit_transactions
				(student_id, kind, amount, balance_after, session_id, reason, created_by)
			select s.student_id, 'DEBIT', -1, c.balance, s.id, 'Séance réservée : Bench session',
				${family.parentId}
			from s, c
		), h as (
			insert into public.session_status_history (session_id, from_status, to_status, changed_by)
			select s.id, null, 'SCHEDULED', ${family.parentId} from s
		), e as (
			insert into public.notification_events (type, session_id, actor_id, data)
			select 'SESSION_BOOKED', s.id, ${family.parentId}, '{}'::jsonb from s
		)
		insert into public.session_reminders (session_id, reminder_type, due_at, status)
		select s.id, o.kind, s.starts_at - o.lead, 'PENDING'
		from s, (values ('ONE_DAY_BEFORE'::public.reminder_type, interval '24 hours'),
			('TWO_HOURS_BEFORE', interval '2 hours'),
			('THIRTY_MINUTES_BEFORE', interval '30 minutes')) o(kind, lead)`
	);
}

async function writeSets(sql: Sql, coachCount: number, durationMs: number) {
	const { coaches, families } = await fixtures(sql, coachCount, `ws-rows-${coachCount}`);
	const made = new Array<number>(CLIENTS).fill(0);
	await sql`alter table public.session_bookings disable trigger session_bookings_live`;
	await sql`alter table public.credit_accounts disable trigger credit_accounts_live`;
	try {
		const { counts, seconds } = await runClients(CLIENTS, durationMs, async (client) => {
			const slot = slotOf(client, made[client]!++, coachCount, false);
			const startsAt = `${utcDate(slot.day)}T${wallTime(slot.hour * 60)}:00Z`;
			await writeOnce(sql, families[client]!, coaches[slot.coach]!, startsAt);
			return 'written';
		});
		return (counts.get('written') ?? 0) / seconds;
	} finally {
		await sql`alter table public.session_bookings enable trigger session_bookings_live`;
		await sql`alter table public.credit_accounts enable trigger credit_accounts_live`;
	}
}

async function regime(sql: Sql, coaches: number, durationMs: number): Promise<WriteSetRegime> {
	const written = await writeSets(sql, coaches, durationMs);
	const booked = await bookings(sql, coaches, durationMs);
	return {
		coaches,
		bookings_per_s: round(booked, 1),
		write_set_per_s: round(written, 1),
		ratio: round(booked / written, 3)
	};
}

/** `sql` needs a pool of at least 16 connections (one per client). */
export async function benchWriteSet(sql: Sql, durationMs: number): Promise<WriteSetFigures> {
	return {
		own_coach: await regime(sql, CLIENTS, durationMs),
		four_coaches: await regime(sql, 4, durationMs),
		one_coach: await regime(sql, 1, durationMs)
	};
}
