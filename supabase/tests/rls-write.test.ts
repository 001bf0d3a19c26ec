import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSql, failure, tryAs } from '../../tests/support/db';
import { DEMO, DEMO_SESSIONS } from '../../tests/support/demo';

/**
 * The write half of the RLS matrix. Every attempt runs as the user inside a
 * transaction that is rolled back, so nothing here changes shared data.
 * "Denied" means SQLSTATE 42501 (no grant, or a WITH CHECK violation);
 * "filtered" means the statement runs but touches zero rows.
 */
const sql = fileSql();

const everyone = Object.entries(DEMO) as [string, string][];

const denied = async (userId: string, statement: (tx: Sql) => Promise<unknown>) =>
	(await failure(tryAs(sql, userId, (tx) => statement(tx as unknown as Sql)))).code;

const affected = (userId: string, statement: (tx: Sql) => Promise<{ count: number }>) =>
	tryAs(sql, userId, async (tx) => (await statement(tx as unknown as Sql)).count);

describe('sessions and credits are written by RPCs only', () => {
	it.each(everyone)(
		'%s cannot insert, update or delete a session directly',
		async (_name, userId) => {
			expect(
				await denied(
					userId,
					(tx) =>
						tx`update public.session_bookings set title = 'x' where id = ${DEMO_SESSIONS.lucasMaths}`
				)
			).toBe('42501');
			expect(
				await denied(
					userId,
					(tx) => tx`delete from public.session_bookings where id = ${DEMO_SESSIONS.lucasMaths}`
				)
			).toBe('42501');
			expect(
				await denied(
					userId,
					(
						tx
					) => tx`insert into public.session_bookings (student_id, coach_id, booked_by, subject_code, title, starts_at, ends_at, duration_minutes, credits_used)
					values (${DEMO.lucas}, ${DEMO.coachMaths}, ${userId}, 'MATHEMATIQUES', 'x', now() + interval '3 days', now() + interval '3 days 1 hour', 60, 0)`
				)
			).toBe('42501');
		}
	);

	it.each(everyone)(
		'%s cannot touch balances, the ledger, history or reminders directly',
		async (_name, userId) => {
			expect(
				await denied(
					userId,
					(tx) =>
						tx`update public.credit_accounts set balance = 999 where student_id = ${DEMO.lucas}`
				)
			).toBe('42501');
			expect(
				await denied(
					userId,
					(tx) =>
						tx`insert into public.credit_transactions (student_id, kind, amount, balance_after) values (${DEMO.lucas}, 'GRANT', 5, 15)`
				)
			).toBe('42501');
			expect(
				await denied(
					userId,
					(tx) =>
						tx`insert into public.session_status_history (session_id, to_status) values (${DEMO_SESSIONS.lucasMaths}, 'CANCELLED')`
				)
			).toBe('42501');
			expect(
				await denied(userId, (tx) => tx`update public.session_reminders set status = 'SENT'`)
			).toBe('42501');
			expect(await denied(userId, (tx) => tx`update public.app_settings set value = '0'`)).toBe(
				'42501'
			);
			expect(
				await denied(
					userId,
					(tx) =>
						tx`insert into public.subjects (code, name_fr, name_en) values ('LATIN', 'Latin', 'Latin')`
				)
			).toBe('42501');
		}
	);
});

describe('profiles', () => {
	it('anyone may edit their own name and preferences', async () => {
		expect(
			await affected(
				DEMO.hugo,
				(tx) =>
					tx`update public.profiles set first_name = 'Hugo B.', notify_sms = true where id = ${DEMO.hugo}`
			)
		).toBe(1);
	});

	it('nobody promotes themself: role and email are not writable', async () => {
		expect(
			await denied(
				DEMO.hugo,
				(tx) => tx`update public.profiles set role = 'admin' where id = ${DEMO.hugo}`
			)
		).toBe('42501');
		expect(
			await denied(
				DEMO.hugo,
				(tx) => tx`update public.profiles set email = 'x@y.fr' where id = ${DEMO.hugo}`
			)
		).toBe('42501');
	});

	it("a student's update of someone else's profile touches nothing", async () => {
		expect(
			await affected(
				DEMO.hugo,
				(tx) => tx`update public.profiles set first_name = 'X' where id = ${DEMO.lucas}`
			)
		).toBe(0);
		expect(
			await affected(
				DEMO.coachMaths,
				(tx) => tx`update public.profiles set first_name = 'X' where id = ${DEMO.lucas}`
			)
		).toBe(0);
	});

	it('staff may correct anyone’s profile', async () => {
		expect(
			await affected(
				DEMO.assistant,
				(tx) => tx`update public.profiles set phone = '+33 6 00 00 00 00' where id = ${DEMO.lucas}`
			)
		).toBe(1);
	});

	it('nobody inserts or deletes profiles or family links directly', async () => {
		expect(
			await denied(
				DEMO.parentMartin,
				(tx) => tx`delete from public.profiles where id = ${DEMO.lucas}`
			)
		).toBe('42501');
		expect(
			await denied(
				DEMO.parentMartin,
				(tx) =>
					tx`insert into public.parent_students (parent_id, student_id) values (${DEMO.parentMartin}, ${DEMO.hugo})`
			)
		).toBe('42501');
	});
});

describe('coach availability', () => {
	const insertRule = (coachId: string) => (tx: Sql) =>
		tx`insert into public.coach_availability (coach_id, is_recurring, day_of_week, start_time, end_time)
			values (${coachId}, true, 0, '20:00', '21:00')`;

	it('a coach may add, change and remove their own rules', async () => {
		expect(await affected(DEMO.coachMaths, insertRule(DEMO.coachMaths))).toBe(1);
		expect(
			await affected(
				DEMO.coachMaths,
				(tx) =>
					tx`update public.coach_availability set end_time = '20:30' where coach_id = ${DEMO.coachMaths} and day_of_week = 1`
			)
		).toBe(1);
		expect(
			await affected(
				DEMO.coachMaths,
				(tx) => tx`delete from public.coach_availability where coach_id = ${DEMO.coachMaths}`
			)
		).toBeGreaterThan(0);
	});

	it("a coach cannot write another coach's rules", async () => {
		expect(await denied(DEMO.coachMaths, insertRule(DEMO.coachNsi))).toBe('42501');
		expect(
			await affected(
				DEMO.coachMaths,
				(tx) => tx`delete from public.coach_availability where coach_id = ${DEMO.coachNsi}`
			)
		).toBe(0);
		expect(
			await affected(
				DEMO.coachMaths,
				(tx) =>
					tx`update public.coach_availability set end_time = '23:00' where coach_id = ${DEMO.coachNsi}`
			)
		).toBe(0);
	});

	it('a coach cannot move their rule onto another coach', async () => {
		expect(
			await denied(
				DEMO.coachMaths,
				(tx) =>
					tx`update public.coach_availability set coach_id = ${DEMO.coachNsi} where coach_id = ${DEMO.coachMaths}`
			)
		).toBe('42501');
	});

	it.each([
		['student', DEMO.lucas],
		['parent', DEMO.parentMartin]
	])('a %s cannot write availability, even naming themself', async (_role, userId) => {
		expect(await denied(userId, insertRule(DEMO.coachMaths))).toBe('42501');
		expect(await denied(userId, insertRule(userId))).toBe('42501');
	});

	it('an assistant may write any coach’s rules', async () => {
		expect(await affected(DEMO.assistant, insertRule(DEMO.coachNsi))).toBe(1);
	});
});

describe('qualifications', () => {
	it('coaches read but do not grant themselves subjects', async () => {
		expect(
			await denied(
				DEMO.coachAnglais,
				(tx) =>
					tx`insert into public.coach_subjects (coach_id, subject_code) values (${DEMO.coachAnglais}, 'MATHEMATIQUES')`
			)
		).toBe('42501');
		expect(
			await affected(
				DEMO.coachAnglais,
				(tx) => tx`delete from public.coach_subjects where coach_id = ${DEMO.coachAnglais}`
			)
		).toBe(0);
	});

	it('assistants manage qualifications', async () => {
		expect(
			await affected(
				DEMO.assistant,
				(tx) =>
					tx`insert into public.coach_subjects (coach_id, subject_code) values (${DEMO.coachAnglais}, 'SES')`
			)
		).toBe(1);
		expect(
			await affected(
				DEMO.assistant,
				(tx) => tx`delete from public.coach_subjects where coach_id = ${DEMO.coachAnglais}`
			)
		).toBe(1);
	});
});

describe('notifications and push subscriptions', () => {
	let notificationId: string;
	beforeAll(async () => {
		const [row] = await sql<{ id: string }[]>`
			insert into public.session_notifications (recipient_id, type, method, title, message)
			values (${DEMO.emma}, 'CREDITS_GRANTED', 'IN_APP', 'Crédits', '5 crédits ajoutés') returning id`;
		notificationId = row!.id;
	});
	afterAll(() => sql`delete from public.session_notifications where id = ${notificationId}`);

	it('a recipient marks their notification read, and can change nothing else', async () => {
		expect(
			await affected(
				DEMO.emma,
				(tx) =>
					tx`update public.session_notifications set read_at = now() where id = ${notificationId}`
			)
		).toBe(1);
		expect(
			await denied(
				DEMO.emma,
				(tx) => tx`update public.session_notifications set title = 'x' where id = ${notificationId}`
			)
		).toBe('42501');
	});

	it('nobody else can mark it read, not even a parent or staff', async () => {
		expect(
			await affected(
				DEMO.parentMartin,
				(tx) =>
					tx`update public.session_notifications set read_at = now() where id = ${notificationId}`
			)
		).toBe(0);
		expect(
			await affected(
				DEMO.assistant,
				(tx) =>
					tx`update public.session_notifications set read_at = now() where id = ${notificationId}`
			)
		).toBe(0);
	});

	it('users register push subscriptions for themselves only', async () => {
		const insert = (owner: string) => (tx: Sql) =>
			tx`insert into public.push_subscriptions (user_id, endpoint, p256dh, auth)
				values (${owner}, ${'https://push.example/' + owner + Math.random()}, 'k', 'a')`;
		expect(await affected(DEMO.emma, insert(DEMO.emma))).toBe(1);
		expect(await denied(DEMO.emma, insert(DEMO.lucas))).toBe('42501');
		expect(await denied(DEMO.assistant, insert(DEMO.lucas))).toBe('42501');
	});
});
