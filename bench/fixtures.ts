/**
 * Benchmark fixtures, created set-wise as the superuser (hundreds of rows in a few statements):
 * coaches open around the clock in UTC, and one-student families with plenty of credits.
 */
import type { Sql } from 'postgres';

export const BENCH_PASSWORD = 'bench-password-1';

export interface BenchFamily {
	parentId: string;
	/** The parent's live sign-in session (the `session_id` claim every request carries). */
	parentSessionId: string;
	studentId: string;
	studentEmail: string;
}

/** Users of one role; the auth trigger creates their profiles (and students' credit accounts). */
async function createUsers(sql: Sql, role: string, count: number, label: string) {
	return sql<{ id: string; email: string }[]>`
		insert into auth.users (id, email, encrypted_password, raw_app_meta_data, raw_user_meta_data)
		select gen_random_uuid(), ${`bench-${label}-${role}-`} || i || '@bench.test',
			extensions.crypt(${BENCH_PASSWORD}, extensions.gen_salt('bf', 4)),
			jsonb_build_object('role', ${role}::text),
			jsonb_build_object('first_name', ${role}::text, 'last_name', 'Bench ' || i, 'time_zone', 'UTC')
		from generate_series(1, ${count}::int) as i
		order by i
		returning id, email`;
}

/** Coaches teaching `subject`, available every day 00:00–24:00 (UTC: no DST gaps). */
export async function createCoaches(
	sql: Sql,
	count: number,
	label: string,
	subject = 'MATHEMATIQUES'
): Promise<string[]> {
	const ids = (await createUsers(sql, 'coach', count, label)).map((u) => u.id);
	await sql`insert into public.coach_subjects (coach_id, subject_code)
		select id, ${subject} from unnest(${ids}::uuid[]) as id`;
	await sql`insert into public.coach_availability (coach_id, is_recurring, day_of_week, start_time, end_time)
		select id, true, d, '00:00', '24:00'
		from unnest(${ids}::uuid[]) as id cross join generate_series(0, 6) as d`;
	return ids;
}

/** Parents with one student each, the student's account opened with `credits` (ledger + balance). */
export async function createFamilies(
	sql: Sql,
	count: number,
	credits: number,
	label: string
): Promise<BenchFamily[]> {
	const parents = await createUsers(sql, 'parent', count, label);
	const students = await createUsers(sql, 'student', count, label);
	const sessions = await sql<{ id: string; user_id: string }[]>`
		insert into auth.sessions (id, user_id)
		select gen_random_uuid(), id from unnest(${parents.map((p) => p.id)}::uuid[]) as id
		returning id, user_id`;
	const sessionOf = new Map(sessions.map((s) => [s.user_id, s.id]));
	const families = parents.map((parent, i) => ({
		parentId: parent.id,
		parentSessionId: sessionOf.get(parent.id)!,
		studentId: students[i]!.id,
		studentEmail: students[i]!.email
	}));
	await sql`insert into public.parent_students (parent_id, student_id)
		select * from unnest(${families.map((f) => f.parentId)}::uuid[],
			${families.map((f) => f.studentId)}::uuid[])`;
	const studentIds = families.map((f) => f.studentId);
	await sql`update public.credit_accounts set balance = ${credits}
		where student_id = any(${studentIds}::uuid[])`;
	await sql`insert into public.credit_transactions (student_id, kind, amount, balance_after, reason)
		select id, 'GRANT', ${credits}, ${credits}, 'bench' from unnest(${studentIds}::uuid[]) as id`;
	return families;
}

/** The JWT claims of a family's parent, as every request of theirs carries them. */
export const claimsOf = (family: BenchFamily) => ({
	sub: family.parentId,
	role: 'authenticated' as const,
	user_role: 'parent',
	session_id: family.parentSessionId
});

/** '2026-11-26' for `days` after today in UTC (the bench coaches' zone). */
export function utcDate(days: number): string {
	const today = Date.UTC(
		new Date().getUTCFullYear(),
		new Date().getUTCMonth(),
		new Date().getUTCDate()
	);
	return new Date(today + days * 86_400_000).toISOString().slice(0, 10);
}

export const wallTime = (minutes: number) =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
