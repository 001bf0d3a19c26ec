import type { Sql } from 'postgres';
import { addDays } from '../../src/lib/core/time/wall-clock';
import { dateInZone } from '../../src/lib/core/time/instants';
import { appUrl, call, tokenFor, type ApiResult } from './api';
import { makeCoach, makeFamily, type WeeklySlot } from './db';

export const FIXTURE_PASSWORD = 'fixture-password-1';

/**
 * A bearer token for a fixture user (tests/support/db.ts builders create them without a
 * password): set one (bcrypt cost 4, fast) and sign in through the public token endpoint.
 */
export async function fixtureToken(sql: Sql, userId: string): Promise<string> {
	const [user] = await sql<{ email: string }[]>`
		update auth.users
		set encrypted_password = extensions.crypt(${FIXTURE_PASSWORD}, extensions.gen_salt('bf', 4))
		where id = ${userId}
		returning email`;
	if (!user) throw new Error(`No auth user ${userId}`);
	return tokenFor(user.email, FIXTURE_PASSWORD);
}

export interface SignedIn {
	id: string;
	token: string;
}

/** A fresh coach (every day 08:00–20:00 Paris unless told otherwise), signed in. */
export async function signedInCoach(
	sql: Sql,
	options: { subjects?: string[]; weekly?: WeeklySlot[]; timeZone?: string } = {}
): Promise<SignedIn> {
	const id = await makeCoach(sql, options);
	return { id, token: await fixtureToken(sql, id) };
}

export interface SignedInFamily {
	parent: SignedIn;
	students: SignedIn[];
}

/** A fresh parent with `children` students holding `credits` each, everyone signed in. */
export async function signedInFamily(
	sql: Sql,
	options: { children?: number; credits?: number } = {}
): Promise<SignedInFamily> {
	const { parentId, studentIds } = await makeFamily(sql, options);
	return {
		parent: { id: parentId, token: await fixtureToken(sql, parentId) },
		students: await Promise.all(
			studentIds.map(async (id) => ({ id, token: await fixtureToken(sql, id) }))
		)
	};
}

/** The calendar date `days` from today in Paris (the fixtures' zone), computed at run time. */
export function parisDate(days: number): string {
	return addDays(dateInZone(new Date(), 'Europe/Paris'), days);
}

/** Weekday (0 = Sunday) of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): number {
	return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** '10:00' + 60 → '11:00' (no wrap past 24:00: fixtures book daytime slots). */
export function plusMinutes(time: string, minutes: number): string {
	const [h, m] = time.split(':').map(Number) as [number, number];
	const total = h * 60 + m + minutes;
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** A booking request shaped like the spec's example, for a future date. */
export function bookingBody(
	coachId: string,
	studentId: string,
	scheduledDate: string,
	startTime = '14:00',
	overrides: Record<string, unknown> = {}
) {
	const duration = typeof overrides.duration === 'number' ? overrides.duration : 60;
	return {
		coachId,
		studentId,
		subject: 'MATHEMATIQUES',
		scheduledDate,
		startTime,
		endTime: plusMinutes(startTime, duration),
		duration,
		title: 'Révision des équations du second degré',
		creditsToUse: Math.ceil(duration / 60),
		...overrides
	};
}

/** Like `call`, with extra request headers (api.ts's helper sends none). */
export async function callWithHeaders(
	method: string,
	path: string,
	options: { token: string; body?: unknown; headers: Record<string, string> }
): Promise<ApiResult<any>> {
	const res = await fetch(`${appUrl()}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${options.token}`,
			'content-type': 'application/json',
			...options.headers
		},
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null };
}

export interface BookedSession {
	coach: SignedIn;
	family: SignedInFamily;
	student: SignedIn;
	sessionId: string;
}

/** A fresh coach and family with one session booked by the parent, `days` ahead at `time`. */
export async function bookedSession(
	sql: Sql,
	options: { days?: number; time?: string; credits?: number } = {}
): Promise<BookedSession> {
	const coach = await signedInCoach(sql);
	const family = await signedInFamily(sql, { credits: options.credits ?? 5 });
	const student = family.students[0]!;
	const res = await call('POST', '/api/sessions/book', {
		token: family.parent.token,
		body: bookingBody(coach.id, student.id, parisDate(options.days ?? 5), options.time)
	});
	if (res.status !== 201) throw new Error(`booking failed: ${JSON.stringify(res.body)}`);
	return { coach, family, student, sessionId: res.body.session.id };
}

/**
 * Fixture-only (superuser): move a session so it started `minutesAgo` minutes ago, as if time
 * had passed — the API rightly refuses to book in the past.
 */
export async function startedAgo(sql: Sql, sessionId: string, minutesAgo: number) {
	await sql`update public.session_bookings
		set starts_at = now() - make_interval(mins => ${minutesAgo}),
			ends_at = now() - make_interval(mins => ${minutesAgo}) + make_interval(mins => duration_minutes)
		where id = ${sessionId}`;
}

export async function balanceOf(sql: Sql, studentId: string): Promise<number> {
	const [row] = await sql<{ balance: number }[]>`
		select balance from public.credit_accounts where student_id = ${studentId}`;
	return row!.balance;
}
