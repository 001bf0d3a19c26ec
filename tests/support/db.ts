import { randomUUID } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { afterAll, inject } from 'vitest';
import type { UserRole } from '../../src/lib/core/roles';
import { runAsUser, type Tx } from '../../src/lib/server/db/as-user';

/**
 * Superuser connection to the run's embedded database (global setup): for
 * arranging fixtures and inspecting results, never for the action under test.
 */
export function adminSql(max = 10): Sql {
	return postgres(inject('databaseUrl'), { max, onnotice: () => {} });
}

/**
 * A live sign-in session (auth.sessions row) of the user, as a sign-in would open: what the
 * `session_id` claim names. One per user per connection pool, opened on first use.
 */
const sessions = new WeakMap<Sql, Map<string, Promise<string>>>();
export function sessionOf(sql: Sql, userId: string): Promise<string> {
	let byUser = sessions.get(sql);
	if (!byUser) sessions.set(sql, (byUser = new Map()));
	let session = byUser.get(userId);
	if (!session) {
		// A user who does not exist gets a session id that names nothing (refused, like a
		// token of a deleted account).
		session = sql<{ id: string }[]>`
			insert into auth.sessions (id, user_id)
			select ${randomUUID()}, id from auth.users where id = ${userId}
			returning id`.then(([row]) => row?.id ?? randomUUID());
		byUser.set(userId, session);
	}
	return session;
}

/** Act as a user, exactly as the app does (role authenticated + JWT claims of a live session). */
export function actAs(sql: Sql, userId: string, userRole?: UserRole) {
	return async <T>(fn: (tx: Tx) => Promise<T>) => {
		const session_id = await sessionOf(sql, userId);
		return runAsUser(
			sql,
			{ sub: userId, role: 'authenticated', user_role: userRole, session_id },
			fn
		);
	};
}

/** Run `fn` as the user inside a transaction that is always rolled back. */
export async function tryAs<T>(sql: Sql, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
	const rollback = Symbol('rollback');
	let result: T | undefined;
	try {
		await actAs(
			sql,
			userId
		)(async (tx) => {
			result = await fn(tx);
			throw rollback;
		});
	} catch (error) {
		if (error !== rollback) throw error;
	}
	return result as T;
}

/** The SQLSTATE / message a rejected promise carries, for sentence-like asserts. */
export async function failure(
	promise: Promise<unknown>
): Promise<{ code?: string; message: string; constraint_name?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as { code?: string; message: string; constraint_name?: string };
	}
	throw new Error('expected the operation to fail, it succeeded');
}

// --- Builders: fresh, isolated fixtures so test files never share mutable rows.

let counter = 0;
const unique = (prefix: string) =>
	`${prefix}.${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}@fixture.test`;

export async function makeUser(
	sql: Sql,
	role: UserRole,
	names: { firstName?: string; lastName?: string; timeZone?: string } = {}
): Promise<string> {
	const id = randomUUID();
	await sql`insert into auth.users (id, email, raw_app_meta_data, raw_user_meta_data)
		values (${id}, ${unique(role)}, ${sql.json({ role })},
			${sql.json({ first_name: names.firstName ?? role, last_name: names.lastName ?? 'Fixture', time_zone: names.timeZone ?? 'Europe/Paris' })})`;
	return id;
}

export interface WeeklySlot {
	dayOfWeek: number;
	start: string;
	end: string;
}

/** A coach qualified for `subjects`, available on `weekly` (default: every day 08:00–20:00). */
export async function makeCoach(
	sql: Sql,
	options: { subjects?: string[]; weekly?: WeeklySlot[]; timeZone?: string } = {}
): Promise<string> {
	const id = await makeUser(sql, 'coach', { timeZone: options.timeZone });
	for (const subject of options.subjects ?? ['MATHEMATIQUES']) {
		await sql`insert into public.coach_subjects (coach_id, subject_code) values (${id}, ${subject})`;
	}
	const weekly =
		options.weekly ??
		[0, 1, 2, 3, 4, 5, 6].map((d) => ({ dayOfWeek: d, start: '08:00', end: '20:00' }));
	for (const slot of weekly) {
		await sql`insert into public.coach_availability (coach_id, is_recurring, day_of_week, start_time, end_time)
			values (${id}, true, ${slot.dayOfWeek}, ${slot.start}, ${slot.end})`;
	}
	return id;
}

/** A parent with `children` students, each granted `credits`. */
export async function makeFamily(
	sql: Sql,
	options: { children?: number; credits?: number } = {}
): Promise<{ parentId: string; studentIds: string[] }> {
	const parentId = await makeUser(sql, 'parent');
	const studentIds: string[] = [];
	for (let i = 0; i < (options.children ?? 1); i++) {
		const studentId = await makeUser(sql, 'student', { firstName: `Child${i}` });
		await sql`insert into public.parent_students (parent_id, student_id) values (${parentId}, ${studentId})`;
		if (options.credits) await grantCreditsDirectly(sql, studentId, options.credits);
		studentIds.push(studentId);
	}
	return { parentId, studentIds };
}

/** Fixture-only shortcut (superuser): ledger row + balance, as a purchase would. */
export async function grantCreditsDirectly(sql: Sql, studentId: string, amount: number) {
	await sql.begin(async (tx) => {
		const [account] = await tx<{ balance: number }[]>`
			update public.credit_accounts set balance = balance + ${amount} where student_id = ${studentId} returning balance`;
		await tx`insert into public.credit_transactions (student_id, kind, amount, balance_after, reason)
			values (${studentId}, 'GRANT', ${amount}, ${account!.balance}, 'fixture')`;
	});
}

/**
 * The superuser connection of one test file (see adminSql), closed once its tests are done: the
 * prologue every database test file shares. postgres.js connects on the first query only.
 */
export function fileSql(max = 10): Sql {
	const sql = adminSql(max);
	afterAll(() => sql.end());
	return sql;
}
