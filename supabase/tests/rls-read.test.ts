import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSql, failure, tryAs } from '../../tests/support/db';
import { DEMO, DEMO_SESSIONS } from '../../tests/support/demo';

/**
 * The read half of the RLS matrix: for every table, what each role sees of the
 * seeded demo data. Other test files add rows concurrently, so every assertion
 * is scoped to known demo ids.
 */
const sql = fileSql();

const demoSessionIds = Object.values(DEMO_SESSIONS);
const demoIds = Object.values(DEMO);

async function visible(userId: string, query: (tx: Sql) => Promise<{ id: string }[]>) {
	const rows = await tryAs(sql, userId, (tx) => query(tx as unknown as Sql));
	return rows.map((r) => r.id).sort();
}

const sessionsOf = (userId: string) =>
	visible(
		userId,
		(tx) => tx`select id from public.session_bookings where id in ${tx(demoSessionIds)}`
	);

describe('session_bookings: who sees which session', () => {
	it('a student sees only their own sessions', async () => {
		expect(await sessionsOf(DEMO.lucas)).toEqual(
			[DEMO_SESSIONS.lucasMaths, DEMO_SESSIONS.lucasPhysique].sort()
		);
		expect(await sessionsOf(DEMO.hugo)).toEqual([DEMO_SESSIONS.hugoAnglais]);
	});

	it("a parent sees their children's sessions and no other family's", async () => {
		expect(await sessionsOf(DEMO.parentMartin)).toEqual(
			[DEMO_SESSIONS.lucasMaths, DEMO_SESSIONS.lucasPhysique, DEMO_SESSIONS.emmaFrancais].sort()
		);
		expect(await sessionsOf(DEMO.parentDurand)).toEqual([DEMO_SESSIONS.hugoAnglais]);
	});

	it('a coach sees only the sessions they teach', async () => {
		expect(await sessionsOf(DEMO.coachMaths)).toEqual(
			[DEMO_SESSIONS.lucasMaths, DEMO_SESSIONS.lucasPhysique].sort()
		);
		expect(await sessionsOf(DEMO.coachLettres)).toEqual([DEMO_SESSIONS.emmaFrancais]);
		expect(await sessionsOf(DEMO.coachNsi)).toEqual([]);
	});

	it('assistants and admins see every session', async () => {
		expect(await sessionsOf(DEMO.assistant)).toEqual([...demoSessionIds].sort());
		expect(await sessionsOf(DEMO.admin)).toEqual([...demoSessionIds].sort());
	});

	it("a coach cannot read another coach's notes, because the whole row is hidden", async () => {
		const notes = await tryAs(
			sql,
			DEMO.coachLettres,
			(tx) =>
				tx`select coach_notes from public.session_bookings where id = ${DEMO_SESSIONS.lucasMaths}`
		);
		expect(notes).toHaveLength(0);
	});

	it('status history follows the visibility of its session', async () => {
		const count = (userId: string) =>
			tryAs(sql, userId, async (tx) => {
				const [row] = await tx<{ n: number }[]>`
					select count(distinct session_id)::int as n from public.session_status_history
					where session_id in ${tx(demoSessionIds)}`;
				return row!.n;
			});
		expect(await count(DEMO.lucas)).toBe(2);
		expect(await count(DEMO.parentDurand)).toBe(1);
		expect(await count(DEMO.coachNsi)).toBe(0);
		expect(await count(DEMO.assistant)).toBe(4);
	});
});

describe('credits: balances and ledger', () => {
	const balancesOf = (userId: string) =>
		visible(
			userId,
			(tx) =>
				tx`select student_id as id from public.credit_accounts where student_id in ${tx(demoIds)}`
		);
	const ledgerOwnersOf = async (userId: string) => [
		...new Set(
			await visible(
				userId,
				(tx) =>
					tx`select student_id as id from public.credit_transactions where student_id in ${tx(demoIds)}`
			)
		)
	];

	it('a student sees their own balance and ledger only', async () => {
		expect(await balancesOf(DEMO.lucas)).toEqual([DEMO.lucas]);
		expect(await ledgerOwnersOf(DEMO.lucas)).toEqual([DEMO.lucas]);
	});

	it("a parent sees each child's balance and ledger, not another family's", async () => {
		expect(await balancesOf(DEMO.parentMartin)).toEqual([DEMO.lucas, DEMO.emma].sort());
		expect(await ledgerOwnersOf(DEMO.parentDurand)).toEqual([DEMO.hugo]);
	});

	it('a coach sees no credits at all', async () => {
		expect(await balancesOf(DEMO.coachMaths)).toEqual([]);
		expect(await ledgerOwnersOf(DEMO.coachMaths)).toEqual([]);
	});

	it('assistants see every balance', async () => {
		expect(await balancesOf(DEMO.assistant)).toEqual([DEMO.lucas, DEMO.emma, DEMO.hugo].sort());
	});
});

describe('profiles and families', () => {
	const profilesOf = (userId: string) =>
		visible(userId, (tx) => tx`select id from public.profiles where id in ${tx(demoIds)}`);
	const coaches = [DEMO.coachMaths, DEMO.coachLettres, DEMO.coachNsi, DEMO.coachAnglais];

	it('a student sees themself, their parent and the coaches — not siblings or other families', async () => {
		expect(await profilesOf(DEMO.lucas)).toEqual(
			[DEMO.lucas, DEMO.parentMartin, ...coaches].sort()
		);
	});

	it('a parent sees themself, their children and the coaches', async () => {
		expect(await profilesOf(DEMO.parentDurand)).toEqual(
			[DEMO.parentDurand, DEMO.hugo, ...coaches].sort()
		);
	});

	it('a coach sees the coaches plus the students and parents of their own sessions', async () => {
		expect(await profilesOf(DEMO.coachAnglais)).toEqual(
			[...coaches, DEMO.hugo, DEMO.parentDurand].sort()
		);
	});

	it('staff see everyone', async () => {
		expect(await profilesOf(DEMO.assistant)).toEqual([...demoIds].sort());
	});

	it('family links are visible to the family and staff only', async () => {
		const links = (userId: string) =>
			visible(
				userId,
				(tx) =>
					tx`select student_id as id from public.parent_students where parent_id in ${tx(demoIds)}`
			);
		expect(await links(DEMO.parentMartin)).toEqual([DEMO.lucas, DEMO.emma].sort());
		expect(await links(DEMO.emma)).toEqual([DEMO.emma]);
		expect(await links(DEMO.coachMaths)).toEqual([]);
		expect(await links(DEMO.assistant)).toEqual([DEMO.lucas, DEMO.emma, DEMO.hugo].sort());
	});

	it('nobody signed in as a user can read auth.users', async () => {
		const error = await failure(
			tryAs(sql, DEMO.admin, (tx) => tx`select id from auth.users limit 1`)
		);
		expect(error.code).toBe('42501');
	});
});

describe('reference data every signed-in user reads', () => {
	it.each([
		['student', DEMO.hugo],
		['coach', DEMO.coachNsi],
		['parent', DEMO.parentMartin]
	])('a %s reads subjects, qualifications, availability and settings', async (_role, userId) => {
		const counts = await tryAs(sql, userId, async (tx) => {
			const [row] = await tx<
				{ subjects: number; quals: number; rules: number; settings: number }[]
			>`
				select (select count(*)::int from public.subjects) as subjects,
					(select count(*)::int from public.coach_subjects where coach_id = ${DEMO.coachMaths}) as quals,
					(select count(*)::int from public.coach_availability where coach_id = ${DEMO.coachMaths}) as rules,
					(select count(*)::int from public.app_settings) as settings`;
			return row!;
		});
		expect(counts.subjects).toBeGreaterThanOrEqual(9);
		expect(counts.quals).toBe(2);
		expect(counts.rules).toBeGreaterThan(0);
		expect(counts.settings).toBeGreaterThanOrEqual(3);
	});

	it('an anonymous visitor reads subjects and nothing else', async () => {
		const anon = (query: string) =>
			sql.begin(async (tx) => {
				await tx`select set_config('role', 'anon', true)`;
				return tx.unsafe(query);
			});
		expect((await anon('select code from public.subjects')).length).toBeGreaterThanOrEqual(9);
		for (const table of [
			'profiles',
			'session_bookings',
			'credit_accounts',
			'coach_availability',
			'app_settings'
		]) {
			expect((await failure(anon(`select 1 from public.${table}`))).code).toBe('42501');
		}
	});
});

describe('notifications, reminders and push subscriptions', () => {
	let notificationId: string;
	beforeAll(async () => {
		const [row] = await sql<{ id: string }[]>`
			insert into public.session_notifications (session_id, recipient_id, type, method, title, message)
			values (${DEMO_SESSIONS.hugoAnglais}, ${DEMO.hugo}, 'SESSION_REMINDER', 'IN_APP', 'Rappel', 'Séance demain')
			returning id`;
		notificationId = row!.id;
		await sql`insert into public.push_subscriptions (user_id, endpoint, p256dh, auth)
			values (${DEMO.hugo}, ${'https://push.example/' + notificationId}, 'key', 'secret')`;
	});
	afterAll(async () => {
		await sql`delete from public.session_notifications where id = ${notificationId}`;
		await sql`delete from public.push_subscriptions where user_id = ${DEMO.hugo}`;
	});

	const notificationsOf = (userId: string) =>
		visible(
			userId,
			(tx) => tx`select id from public.session_notifications where id = ${notificationId}`
		);

	it('a notification is visible to its recipient and staff only', async () => {
		expect(await notificationsOf(DEMO.hugo)).toEqual([notificationId]);
		expect(await notificationsOf(DEMO.assistant)).toEqual([notificationId]);
		expect(await notificationsOf(DEMO.parentDurand)).toEqual([]);
		expect(await notificationsOf(DEMO.lucas)).toEqual([]);
	});

	it('a push subscription is visible to its owner only, even to staff it is hidden', async () => {
		const subs = (userId: string) =>
			visible(
				userId,
				(tx) => tx`select id from public.push_subscriptions where user_id = ${DEMO.hugo}`
			);
		expect(await subs(DEMO.hugo)).toHaveLength(1);
		expect(await subs(DEMO.assistant)).toHaveLength(0);
		expect(await subs(DEMO.lucas)).toHaveLength(0);
	});
});
