import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	actAs,
	adminSql,
	failure,
	makeCoach,
	makeFamily,
	makeUser,
	fileSql
} from '../../tests/support/db';
import { DEMO } from '../../tests/support/demo';
import {
	balanceOf,
	bookedFixture,
	bookSession,
	forceStatus,
	grantCredits,
	moveStartTo,
	nbCode,
	parisAt,
	rate,
	reschedule,
	setNotes,
	transition,
	dispatchOutbox
} from './support/booking';

/**
 * The rest of the session lifecycle (split from lifecycle.test.ts to keep
 * files short): reschedule_session, rate_session, set_session_notes and
 * grant_credits. Fresh fixtures per test; a session already completed or
 * about to start is arranged with superuser updates (forceStatus, moveStartTo).
 */
const sql = fileSql();

describe('reschedule_session', () => {
	it('moves the session in place: same duration and price, back to SCHEDULED, reminders moved', async () => {
		const f = await bookedFixture(sql, { credits: 5 });
		await transition(sql, f.coachId, f.session.id, 'CONFIRMED');
		const reminderIds = await sql`select id from public.session_reminders
			where session_id = ${f.session.id} order by reminder_type`;
		const newStart = await parisAt(sql, 4, '15:30');
		const { session } = await reschedule(
			sql,
			f.parentId,
			f.session.id,
			newStart,
			'Contrôle décalé'
		);
		expect(session).toMatchObject({
			id: f.session.id,
			status: 'SCHEDULED',
			confirmed_at: null,
			duration_minutes: 60,
			credits_used: 1
		});
		expect(new Date(session.starts_at)).toEqual(newStart);
		expect(new Date(session.ends_at).getTime() - newStart.getTime()).toBe(3_600_000);
		expect(await balanceOf(sql, f.studentId)).toBe(4);

		const reminders = await sql<{ id: string; due_at: Date; status: string }[]>`
			select id, due_at, status::text from public.session_reminders
			where session_id = ${f.session.id} order by reminder_type`;
		expect(reminders.map((r) => r.id)).toEqual(reminderIds.map((r) => r.id));
		expect(reminders.map((r) => (newStart.getTime() - r.due_at.getTime()) / 60_000)).toEqual([
			24 * 60,
			120,
			30
		]);
		expect(reminders.every((r) => r.status === 'PENDING')).toBe(true);

		const [history] = await sql`select from_status::text, to_status::text, notes
			from public.session_status_history where session_id = ${f.session.id} order by id desc limit 1`;
		expect(history).toMatchObject({ from_status: 'CONFIRMED', to_status: 'SCHEDULED' });
		expect(history!.notes).toBe(
			`rescheduled from ${new Date(f.session.starts_at).toISOString().slice(0, 16)}Z: Contrôle décalé`
		);
		await dispatchOutbox(sql);
		const told = await sql`select recipient_id, method::text from public.session_notifications
			where session_id = ${f.session.id} and type = 'SESSION_RESCHEDULED'`;
		expect(told).toEqual(expect.arrayContaining([{ recipient_id: f.coachId, method: 'EMAIL' }]));
		expect(told.some((n) => n.recipient_id === f.parentId)).toBe(false);
	});

	it('may overlap the old time of the same session', async () => {
		const f = await bookedFixture(sql);
		const { session } = await reschedule(
			sql,
			f.coachId,
			f.session.id,
			await parisAt(sql, 3, '10:30')
		);
		expect(session.status).toBe('SCHEDULED');
	});

	it('refuses a time the coach or the student already has booked', async () => {
		const f = await bookedFixture(sql, { credits: 5 });
		const other = await makeFamily(sql, { credits: 5 });
		await bookSession(sql, other.parentId, {
			coachId: f.coachId,
			studentId: other.studentIds[0]!,
			startsAt: await parisAt(sql, 4, '10:00')
		});
		await bookSession(sql, f.parentId, {
			coachId: await makeCoach(sql),
			studentId: f.studentId,
			startsAt: await parisAt(sql, 5, '10:00')
		});
		const to = async (days: number) =>
			nbCode(reschedule(sql, f.parentId, f.session.id, await parisAt(sql, days, '10:30')));
		expect(await to(4)).toBe('NB_SLOT_TAKEN');
		expect(await to(5)).toBe('NB_STUDENT_BUSY');
	});

	it('refuses a time outside availability or without the minimum notice', async () => {
		const f = await bookedFixture(sql);
		const at = (date: Date) => nbCode(reschedule(sql, f.parentId, f.session.id, date));
		expect(await at(await parisAt(sql, 4, '21:00'))).toBe('NB_OUTSIDE_AVAILABILITY');
		expect(await at(new Date(Date.now() + 30 * 60_000))).toBe('NB_IN_THE_PAST');
	});

	it('is too late for the family and the coach within 24 h of the original start, not for staff', async () => {
		const f = await bookedFixture(sql);
		await moveStartTo(sql, f.session.id, 20 * 60);
		const later = await parisAt(sql, 6, '10:00');
		expect(await nbCode(reschedule(sql, f.parentId, f.session.id, later))).toBe('NB_TOO_LATE');
		expect(await nbCode(reschedule(sql, f.coachId, f.session.id, later))).toBe('NB_TOO_LATE');
		const { session } = await reschedule(sql, DEMO.assistant, f.session.id, later);
		expect(new Date(session.starts_at)).toEqual(later);
	});

	it('refuses a session that is no longer live, and hides it from strangers', async () => {
		const f = await bookedFixture(sql);
		const later = await parisAt(sql, 6, '10:00');
		expect(await nbCode(reschedule(sql, await makeUser(sql, 'parent'), f.session.id, later))).toBe(
			'NB_NOT_FOUND'
		);
		await transition(sql, f.parentId, f.session.id, 'CANCELLED');
		expect(await nbCode(reschedule(sql, f.parentId, f.session.id, later))).toBe(
			'NB_INVALID_TRANSITION'
		);
	});
});

describe('rate_session', () => {
	async function completed() {
		const f = await bookedFixture(sql);
		await forceStatus(sql, f.session.id, 'COMPLETED');
		return f;
	}

	it('the student rates a completed session once; nobody rates it again', async () => {
		const f = await completed();
		const { session } = await rate(sql, f.studentId, f.session.id, 5, 'Très clair');
		expect(session).toMatchObject({ rating: 5, feedback: 'Très clair', rated_by: f.studentId });
		expect(await nbCode(rate(sql, f.studentId, f.session.id, 4))).toBe('NB_ALREADY_RATED');
		expect(await nbCode(rate(sql, f.parentId, f.session.id, 4))).toBe('NB_ALREADY_RATED');
	});

	it('a parent may rate, two simultaneous ratings give one NB_ALREADY_RATED', async () => {
		const f = await completed();
		const pool = adminSql(4);
		try {
			const outcomes = await Promise.all(
				[f.parentId, f.studentId].map((id) =>
					rate(pool, id, f.session.id, 4).then(
						() => 'ok',
						(e: unknown) => nbCode(Promise.reject(e))
					)
				)
			);
			expect(outcomes.sort()).toEqual(['NB_ALREADY_RATED', 'ok']);
		} finally {
			await pool.end();
		}
	});

	it('the coach and staff may not rate; ratings are 1 to 5; only completed sessions', async () => {
		const f = await completed();
		expect(await nbCode(rate(sql, f.coachId, f.session.id, 5))).toBe('NB_FORBIDDEN');
		expect(await nbCode(rate(sql, DEMO.assistant, f.session.id, 5))).toBe('NB_FORBIDDEN');
		expect(await nbCode(rate(sql, f.studentId, f.session.id, 0))).toBe('NB_VALIDATION');
		expect(await nbCode(rate(sql, f.studentId, f.session.id, 6))).toBe('NB_VALIDATION');
		const upcoming = await bookedFixture(sql);
		expect(await nbCode(rate(sql, upcoming.studentId, upcoming.session.id, 5))).toBe(
			'NB_INVALID_TRANSITION'
		);
	});
});

describe('set_session_notes', () => {
	it('the coach writes coach_notes and the student student_notes, each their own', async () => {
		const f = await bookedFixture(sql);
		await setNotes(sql, f.coachId, f.session.id, 'Apporter les annales');
		const { session } = await setNotes(sql, f.studentId, f.session.id, 'Question sur l’exercice 3');
		expect(session).toMatchObject({
			coach_notes: 'Apporter les annales',
			student_notes: 'Question sur l’exercice 3'
		});
	});

	it('parents and staff may not; strangers do not see the session; cancelled sessions take none', async () => {
		const f = await bookedFixture(sql);
		expect(await nbCode(setNotes(sql, f.parentId, f.session.id, 'x'))).toBe('NB_FORBIDDEN');
		expect(await nbCode(setNotes(sql, DEMO.assistant, f.session.id, 'x'))).toBe('NB_FORBIDDEN');
		expect(await nbCode(setNotes(sql, await makeCoach(sql), f.session.id, 'x'))).toBe(
			'NB_NOT_FOUND'
		);
		await transition(sql, f.parentId, f.session.id, 'CANCELLED');
		expect(await nbCode(setNotes(sql, f.coachId, f.session.id, 'x'))).toBe('NB_INVALID_TRANSITION');
	});
});

describe('grant_credits', () => {
	it('staff grant credits: ledger row, new balance, student and parents told in their language', async () => {
		const { parentId, studentIds } = await makeFamily(sql, { credits: 2 });
		const studentId = studentIds[0]!;
		await sql`update public.profiles set locale = 'en' where id = ${parentId}`;
		const result = await grantCredits(sql, DEMO.assistant, studentId, 10, 'Pack 10 séances');
		expect(result.balance).toBe(12);
		expect(await balanceOf(sql, studentId)).toBe(12);
		const [entry] =
			await sql`select student_id, kind::text, amount, balance_after, reason, created_by
			from public.credit_transactions where id = ${result.transactionId}`;
		expect(entry).toEqual({
			student_id: studentId,
			kind: 'GRANT',
			amount: 10,
			balance_after: 12,
			reason: 'Pack 10 séances',
			created_by: DEMO.assistant
		});
		// An outbox fact, worded and routed by the notifications feature (not French SQL text).
		await dispatchOutbox(sql);
		const told =
			await sql`select recipient_id, method::text, message from public.session_notifications
			where type = 'CREDITS_GRANTED' and recipient_id in (${studentId}, ${parentId})
			order by method`;
		expect(told).toEqual([
			{
				recipient_id: parentId,
				method: 'EMAIL',
				message: expect.stringMatching(
					/^Credits added to .+’s account: 10 credits\. New balance: 12 credits\./
				)
			},
			{
				recipient_id: studentId,
				method: 'IN_APP',
				message: expect.stringMatching(
					/^Crédits ajoutés au compte d.+ : 10 crédits\. Nouveau solde : 12 crédits\./
				)
			}
		]);
	});

	it('only staff may grant', async () => {
		const { parentId, studentIds } = await makeFamily(sql);
		for (const userId of [parentId, studentIds[0]!, await makeCoach(sql)]) {
			expect(await nbCode(grantCredits(sql, userId, studentIds[0]!, 5, 'Cadeau'))).toBe(
				'NB_FORBIDDEN'
			);
		}
	});

	it.each([
		[0, 'Pack'],
		[1001, 'Pack'],
		[5, 'ab'],
		[5, 'x'.repeat(501)]
	])('refuses %i credits for "%s" (NB_VALIDATION)', async (amount, reason) => {
		const { studentIds } = await makeFamily(sql);
		expect(await nbCode(grantCredits(sql, DEMO.admin, studentIds[0]!, amount, reason))).toBe(
			'NB_VALIDATION'
		);
	});

	it('refuses an unknown student or someone who is not a student (NB_NOT_FOUND)', async () => {
		const { parentId } = await makeFamily(sql);
		for (const id of [randomUUID(), parentId]) {
			expect(await nbCode(grantCredits(sql, DEMO.admin, id, 5, 'Pack'))).toBe('NB_NOT_FOUND');
		}
	});
});

describe('privileges', () => {
	it('anonymous callers cannot execute any booking RPC', async () => {
		const denied = await failure(
			sql.begin(async (tx) => {
				await tx`set local role anon`;
				await tx`select public.session_price('INDIVIDUAL', 60)`;
			})
		);
		expect(denied.code).toBe('42501');
	});

	it('signed-in users cannot call the internal helpers', async () => {
		const { studentIds } = await makeFamily(sql);
		const denied = await failure(
			actAs(
				sql,
				studentIds[0]!
			)((tx) => tx`select private.lock_parties(${studentIds[0]!}::uuid, ${studentIds[0]!}::uuid)`)
		);
		expect(denied.code).toBe('42501');
	});
});
