import { dispatchEvents } from '../../../src/lib/features/notifications/dispatch.server';
import type { Sql } from 'postgres';
import { actAs, failure, makeCoach, makeFamily } from '../../../tests/support/db';

/**
 * Helpers for the booking RPC tests: typed calls (each one acts as a user,
 * exactly as the app does), error codes, and a "family with a booked
 * session" fixture built from fresh rows.
 */

export type SessionStatus =
	'SCHEDULED' | 'CONFIRMED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';

/** `to_jsonb(session_bookings row)`, as the RPCs return it. */
export interface SessionRow {
	id: string;
	student_id: string;
	coach_id: string;
	parent_id: string | null;
	booked_by: string;
	status: SessionStatus;
	starts_at: string;
	ends_at: string;
	duration_minutes: number;
	credits_used: number;
	meeting_url: string | null;
	rating: number | null;
	feedback: string | null;
	rated_by: string | null;
	coach_notes: string | null;
	student_notes: string | null;
	cancelled_by: string | null;
	cancellation_reason: string | null;
	confirmed_at: string | null;
	started_at: string | null;
	completed_at: string | null;
}

export interface BookingResult {
	session: SessionRow;
	balance: number;
	replayed: boolean;
}

export interface BookingRequest {
	coachId: string;
	studentId: string;
	startsAt: Date;
	subject?: string;
	durationMinutes?: number;
	title?: string;
	credits?: number;
	type?: 'INDIVIDUAL' | 'GROUP';
	modality?: 'ONLINE' | 'IN_PERSON';
	idempotencyKey?: string | null;
}

/** The `NB_<CODE>` a failed RPC raised (or the SQLSTATE when it is not one of ours). */
export async function nbCode(promise: Promise<unknown>): Promise<string | undefined> {
	const error = await failure(promise);
	return /^(NB_[A-Z_]+):/.exec(error.message)?.[1] ?? error.code;
}

/** Calls `select <fn>(...) as result` as the user and returns the result. */
async function call<T>(sql: Sql, userId: string, run: (tx: Sql) => Promise<{ result: T }[]>) {
	const [row] = await actAs(sql, userId)((tx) => run(tx as unknown as Sql));
	return row!.result;
}

export function bookSession(sql: Sql, userId: string, r: BookingRequest): Promise<BookingResult> {
	const duration = r.durationMinutes ?? 60;
	return call(
		sql,
		userId,
		(tx) => tx`select public.book_session(
			p_coach_id => ${r.coachId}::uuid,
			p_student_id => ${r.studentId}::uuid,
			p_subject => ${r.subject ?? 'MATHEMATIQUES'},
			p_starts_at => ${r.startsAt.toISOString()}::timestamptz,
			p_duration_minutes => ${duration}::int,
			p_title => ${r.title ?? 'Fonctions affines'},
			p_credits => ${r.credits ?? Math.ceil(duration / 60)}::int,
			p_type => ${r.type ?? 'INDIVIDUAL'}::public.session_type,
			p_modality => ${r.modality ?? 'ONLINE'}::public.session_modality,
			p_idempotency_key => ${r.idempotencyKey ?? null}
		) as result`
	);
}

export function transition(
	sql: Sql,
	userId: string,
	sessionId: string,
	to: SessionStatus,
	options: { notes?: string; refund?: boolean } = {}
): Promise<{ session: SessionRow; refunded: number }> {
	return call(
		sql,
		userId,
		(tx) => tx`select public.transition_session(${sessionId}::uuid, ${to}::public.session_status,
			${options.notes ?? null}, ${options.refund ?? null}::boolean) as result`
	);
}

export function reschedule(
	sql: Sql,
	userId: string,
	sessionId: string,
	startsAt: Date,
	reason?: string
): Promise<{ session: SessionRow }> {
	return call(
		sql,
		userId,
		(tx) => tx`select public.reschedule_session(${sessionId}::uuid,
			${startsAt.toISOString()}::timestamptz, ${reason ?? null}) as result`
	);
}

export function rate(
	sql: Sql,
	userId: string,
	sessionId: string,
	rating: number,
	feedback?: string
) {
	return call<{ session: SessionRow }>(
		sql,
		userId,
		(tx) =>
			tx`select public.rate_session(${sessionId}::uuid, ${rating}::int, ${feedback ?? null}) as result`
	);
}

export function setNotes(sql: Sql, userId: string, sessionId: string, notes: string) {
	return call<{ session: SessionRow }>(
		sql,
		userId,
		(tx) => tx`select public.set_session_notes(${sessionId}::uuid, ${notes}) as result`
	);
}

export function cancellationRefund(sql: Sql, userId: string, sessionId: string) {
	return call<number>(
		sql,
		userId,
		(tx) => tx`select public.cancellation_refund(${sessionId}::uuid) as result`
	);
}

export function grantCredits(
	sql: Sql,
	userId: string,
	studentId: string,
	amount: number,
	reason: string
) {
	return call<{ balance: number; transactionId: number }>(
		sql,
		userId,
		(tx) => tx`select public.grant_credits(${studentId}::uuid, ${amount}::int, ${reason}) as result`
	);
}

/** `daysFromNow` days after today (Paris), at `time` wall-clock in Paris. */
export async function parisAt(sql: Sql, daysFromNow: number, time: string): Promise<Date> {
	const [row] = await sql<{ at: Date }[]>`
		select ((now() at time zone 'Europe/Paris')::date + ${daysFromNow}::int + ${time}::time)
			at time zone 'Europe/Paris' as at`;
	return row!.at;
}

export async function balanceOf(sql: Sql, studentId: string): Promise<number> {
	const [row] = await sql<{ balance: number }[]>`
		select balance from public.credit_accounts where student_id = ${studentId}`;
	return row!.balance;
}

/** The session as stored (superuser read). */
export async function storedSession(sql: Sql, sessionId: string): Promise<SessionRow> {
	const [row] = await sql<{ s: SessionRow }[]>`
		select to_jsonb(s) as s from public.session_bookings s where s.id = ${sessionId}`;
	return row!.s;
}

/**
 * Fixture-only (superuser): moves a session so that it starts `minutes` from
 * now (negative: already started), bypassing availability and notice rules.
 */
export async function moveStartTo(sql: Sql, sessionId: string, minutes: number) {
	await sql`update public.session_bookings
		set starts_at = now() + make_interval(mins => ${minutes}::int),
			ends_at = now() + make_interval(mins => ${minutes}::int + duration_minutes)
		where id = ${sessionId}`;
}

/** Fixture-only (superuser): puts a session straight into `status`. */
export async function forceStatus(sql: Sql, sessionId: string, status: SessionStatus) {
	await sql`update public.session_bookings
		set status = ${status}::public.session_status,
			cancelled_at = case when ${status} = 'CANCELLED' then now() end
		where id = ${sessionId}`;
}

export interface BookedFixture {
	coachId: string;
	parentId: string;
	studentId: string;
	session: SessionRow;
}

/**
 * A fresh coach (every day 08:00–20:00 Paris) and a fresh family whose parent
 * booked one 60-minute session `daysAhead` days from now at `time` (Paris).
 */
export async function bookedFixture(
	sql: Sql,
	options: { credits?: number; daysAhead?: number; time?: string } = {}
): Promise<BookedFixture> {
	const coachId = await makeCoach(sql);
	const { parentId, studentIds } = await makeFamily(sql, { credits: options.credits ?? 5 });
	const studentId = studentIds[0]!;
	const startsAt = await parisAt(sql, options.daysAhead ?? 3, options.time ?? '10:00');
	const { session } = await bookSession(sql, parentId, { coachId, studentId, startsAt });
	return { coachId, parentId, studentId, session };
}

/**
 * Expand every outbox event into its deliveries now, as the running engine would (no job is
 * scheduled: these tests read who is told, not what is sent). Recipients and channels are
 * the notifications feature's decision since 20261203140000; the RPCs write the facts.
 */
export async function dispatchOutbox(sql: Sql): Promise<void> {
	const links = { origin: 'http://localhost:3000' };
	const deadline = Date.now() + 10_000;
	for (;;) {
		while ((await dispatchEvents(sql, { schedule: async () => {} }, links)) > 0) {
			/* until nothing is left that we may take */
		}
		// The test app server's engine may hold an event (SKIP LOCKED): wait for its commit.
		const [left] = await sql<{ n: number }[]>`
			select count(*)::int as n from public.notification_events where dispatched_at is null`;
		if (left!.n === 0 || Date.now() > deadline) return;
		await new Promise((r) => setTimeout(r, 50));
	}
}
