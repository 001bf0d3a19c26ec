import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileSql, makeCoach, makeFamily, makeUser } from '../../tests/support/db';
import { DEMO } from '../../tests/support/demo';
import {
	balanceOf,
	bookedFixture,
	bookSession,
	cancellationRefund,
	forceStatus,
	moveStartTo,
	nbCode,
	storedSession,
	transition,
	type BookedFixture,
	type SessionStatus,
	dispatchOutbox
} from './support/booking';

/**
 * transition_session and cancellation_refund: every allowed move and who may
 * make it, every refused one, refunds by policy, history, reminders and
 * notifications. Each test starts from a fresh coach, family and session
 * (3 days ahead, 10:00 Paris); states and times that cannot be reached
 * through the RPCs yet (a session already started, or about to) are arranged
 * with superuser updates (forceStatus, moveStartTo).
 */
const sql = fileSql();

type Actor = 'student' | 'parent' | 'coach' | 'assistant' | 'admin';
const actorId = (f: BookedFixture, actor: Actor) =>
	({
		student: f.studentId,
		parent: f.parentId,
		coach: f.coachId,
		assistant: DEMO.assistant,
		admin: DEMO.admin
	})[actor];

/** A fresh session in `status`, started `startedMinutesAgo` ago when given. */
async function sessionIn(status: SessionStatus, startedMinutesAgo?: number) {
	const f = await bookedFixture(sql);
	if (startedMinutesAgo !== undefined) await moveStartTo(sql, f.session.id, -startedMinutesAgo);
	if (status !== 'SCHEDULED') await forceStatus(sql, f.session.id, status);
	return f;
}

describe('allowed transitions', () => {
	it.each<[SessionStatus, SessionStatus, Actor, number | undefined]>([
		['SCHEDULED', 'CONFIRMED', 'coach', undefined],
		['SCHEDULED', 'CONFIRMED', 'assistant', undefined],
		['CONFIRMED', 'IN_PROGRESS', 'coach', -10],
		['CONFIRMED', 'IN_PROGRESS', 'admin', 5],
		['IN_PROGRESS', 'COMPLETED', 'coach', 60],
		['IN_PROGRESS', 'COMPLETED', 'assistant', 60],
		['SCHEDULED', 'CANCELLED', 'student', undefined],
		['SCHEDULED', 'CANCELLED', 'parent', undefined],
		['CONFIRMED', 'CANCELLED', 'coach', undefined],
		['CONFIRMED', 'CANCELLED', 'assistant', undefined],
		['SCHEDULED', 'NO_SHOW', 'coach', 20],
		['CONFIRMED', 'NO_SHOW', 'assistant', 20],
		['IN_PROGRESS', 'NO_SHOW', 'coach', 20]
	])('%s → %s by the %s', async (from, to, actor, startedMinutesAgo) => {
		const f = await sessionIn(from, startedMinutesAgo);
		const userId = actorId(f, actor);
		const { session } = await transition(sql, userId, f.session.id, to, { notes: 'noted' });
		expect(session.status).toBe(to);
		const stamp = {
			CONFIRMED: 'confirmed_at',
			IN_PROGRESS: 'started_at',
			COMPLETED: 'completed_at'
		};
		if (to in stamp)
			expect(session[stamp[to as keyof typeof stamp] as 'confirmed_at']).not.toBeNull();
		const history = await sql`select from_status::text, to_status::text, changed_by, notes
			from public.session_status_history where session_id = ${f.session.id} order by id desc limit 1`;
		expect(history).toEqual([
			{ from_status: from, to_status: to, changed_by: userId, notes: 'noted' }
		]);
	});

	it('records who cancelled, when and why', async () => {
		const f = await bookedFixture(sql);
		const { session } = await transition(sql, f.parentId, f.session.id, 'CANCELLED', {
			notes: 'Malade'
		});
		expect(session).toMatchObject({ cancelled_by: f.parentId, cancellation_reason: 'Malade' });
	});

	it('puts the notes of a coach who completes a session into coach_notes, not those of staff', async () => {
		const byCoach = await sessionIn('IN_PROGRESS', 60);
		const done = await transition(sql, byCoach.coachId, byCoach.session.id, 'COMPLETED', {
			notes: 'Revoir les dérivées'
		});
		expect(done.session.coach_notes).toBe('Revoir les dérivées');
		const byStaff = await sessionIn('IN_PROGRESS', 60);
		const closed = await transition(sql, DEMO.assistant, byStaff.session.id, 'COMPLETED', {
			notes: 'Clôturée'
		});
		expect(closed.session.coach_notes).toBeNull();
	});
});

describe('refused transitions', () => {
	it.each<[SessionStatus, SessionStatus]>([
		['SCHEDULED', 'SCHEDULED'],
		['SCHEDULED', 'IN_PROGRESS'],
		['SCHEDULED', 'COMPLETED'],
		['CONFIRMED', 'CONFIRMED'],
		['CONFIRMED', 'SCHEDULED'],
		['IN_PROGRESS', 'CANCELLED'],
		['IN_PROGRESS', 'CONFIRMED'],
		['COMPLETED', 'CANCELLED'],
		['COMPLETED', 'NO_SHOW'],
		['CANCELLED', 'SCHEDULED'],
		['CANCELLED', 'CONFIRMED'],
		['NO_SHOW', 'COMPLETED']
	])('%s → %s is NB_INVALID_TRANSITION, even for staff', async (from, to) => {
		const f = await sessionIn(from, from === 'SCHEDULED' || from === 'CONFIRMED' ? undefined : 60);
		expect(await nbCode(transition(sql, DEMO.admin, f.session.id, to))).toBe(
			'NB_INVALID_TRANSITION'
		);
		expect((await storedSession(sql, f.session.id)).status).toBe(from);
	});

	it.each<[SessionStatus, SessionStatus, Actor]>([
		['SCHEDULED', 'CONFIRMED', 'parent'],
		['SCHEDULED', 'CONFIRMED', 'student'],
		['CONFIRMED', 'IN_PROGRESS', 'student'],
		['IN_PROGRESS', 'COMPLETED', 'parent'],
		['CONFIRMED', 'NO_SHOW', 'parent']
	])('%s → %s by the %s is NB_FORBIDDEN', async (from, to, actor) => {
		const f = await sessionIn(from, from === 'SCHEDULED' ? undefined : 20);
		expect(await nbCode(transition(sql, actorId(f, actor), f.session.id, to))).toBe('NB_FORBIDDEN');
	});

	it('someone unrelated to the session gets NB_NOT_FOUND, whatever they try', async () => {
		const f = await bookedFixture(sql);
		const strangers = [
			await makeCoach(sql),
			await makeUser(sql, 'parent'),
			await makeUser(sql, 'student')
		];
		for (const userId of strangers) {
			expect(await nbCode(transition(sql, userId, f.session.id, 'CANCELLED'))).toBe('NB_NOT_FOUND');
			expect(await nbCode(cancellationRefund(sql, userId, f.session.id))).toBe('NB_NOT_FOUND');
		}
		expect(await nbCode(transition(sql, DEMO.admin, randomUUID(), 'CONFIRMED'))).toBe(
			'NB_NOT_FOUND'
		);
	});

	it('a session starts at the earliest 15 minutes before its time', async () => {
		const early = await sessionIn('CONFIRMED', -20);
		expect(await nbCode(transition(sql, early.coachId, early.session.id, 'IN_PROGRESS'))).toBe(
			'NB_INVALID_TRANSITION'
		);
	});

	it('a session is completed only once it has started, even when it began early', async () => {
		const f = await sessionIn('IN_PROGRESS', -10);
		expect(await nbCode(transition(sql, f.coachId, f.session.id, 'COMPLETED'))).toBe(
			'NB_INVALID_TRANSITION'
		);
		expect((await storedSession(sql, f.session.id)).status).toBe('IN_PROGRESS');
	});

	it.each<[Actor, number]>([
		['parent', 5],
		['student', 30],
		['coach', 60 + 180]
	])(
		'the %s may not cancel %i minutes after the start (NB_TOO_LATE), and nothing is refunded',
		async (actor, minutesAgo) => {
			const f = await sessionIn('CONFIRMED', minutesAgo);
			expect(await nbCode(transition(sql, actorId(f, actor), f.session.id, 'CANCELLED'))).toBe(
				'NB_TOO_LATE'
			);
			expect((await storedSession(sql, f.session.id)).status).toBe('CONFIRMED');
			expect(await balanceOf(sql, f.studentId)).toBe(4);
		}
	);

	it('staff may still cancel after the start, deciding the refund', async () => {
		const f = await sessionIn('CONFIRMED', 30);
		const { refunded } = await transition(sql, DEMO.assistant, f.session.id, 'CANCELLED', {
			refund: true
		});
		expect(refunded).toBe(1);
		expect(await balanceOf(sql, f.studentId)).toBe(5);
	});

	it('a no-show is recorded only once the session has started', async () => {
		const f = await sessionIn('CONFIRMED', -30);
		expect(await nbCode(transition(sql, f.coachId, f.session.id, 'NO_SHOW'))).toBe(
			'NB_INVALID_TRANSITION'
		);
	});
});

describe('refunds on cancellation', () => {
	const refunds = (sessionId: string) =>
		sql`select amount, balance_after from public.credit_transactions
			where session_id = ${sessionId} and kind = 'REFUND'`;

	it('refunds in full when cancelled at least 24 h ahead, with a REFUND ledger row', async () => {
		const f = await bookedFixture(sql, { credits: 5 });
		expect(await cancellationRefund(sql, f.parentId, f.session.id)).toBe(1);
		const { refunded } = await transition(sql, f.parentId, f.session.id, 'CANCELLED');
		expect(refunded).toBe(1);
		expect(await balanceOf(sql, f.studentId)).toBe(5);
		expect(await refunds(f.session.id)).toEqual([{ amount: 1, balance_after: 5 }]);
		expect(await cancellationRefund(sql, f.parentId, f.session.id)).toBe(0);
	});

	it('refunds nothing when the family cancels within 24 h', async () => {
		const f = await bookedFixture(sql, { credits: 5 });
		await moveStartTo(sql, f.session.id, 5 * 60);
		expect(await cancellationRefund(sql, f.studentId, f.session.id)).toBe(0);
		const { refunded } = await transition(sql, f.studentId, f.session.id, 'CANCELLED');
		expect(refunded).toBe(0);
		expect(await balanceOf(sql, f.studentId)).toBe(4);
		expect(await refunds(f.session.id)).toEqual([]);
	});

	it('refunds in full when the coach cancels, however late', async () => {
		const f = await bookedFixture(sql, { credits: 5 });
		await moveStartTo(sql, f.session.id, 60);
		expect(await cancellationRefund(sql, f.coachId, f.session.id)).toBe(1);
		expect((await transition(sql, f.coachId, f.session.id, 'CANCELLED')).refunded).toBe(1);
		expect(await balanceOf(sql, f.studentId)).toBe(5);
	});

	it('lets staff override the policy either way, and nobody else', async () => {
		const late = await bookedFixture(sql, { credits: 5 });
		await moveStartTo(sql, late.session.id, 60);
		expect(
			await nbCode(transition(sql, late.parentId, late.session.id, 'CANCELLED', { refund: true }))
		).toBe('NB_FORBIDDEN');
		expect(
			(await transition(sql, DEMO.assistant, late.session.id, 'CANCELLED', { refund: true }))
				.refunded
		).toBe(1);
		const early = await bookedFixture(sql, { credits: 5 });
		expect(
			(await transition(sql, DEMO.admin, early.session.id, 'CANCELLED', { refund: false })).refunded
		).toBe(0);
		expect(await balanceOf(sql, early.studentId)).toBe(4);
	});

	it('frees the slot: another family may then book it', async () => {
		const f = await bookedFixture(sql);
		await transition(sql, f.parentId, f.session.id, 'CANCELLED');
		const other = await makeFamily(sql, { credits: 1 });
		const again = await bookSession(sql, other.parentId, {
			coachId: f.coachId,
			studentId: other.studentIds[0]!,
			startsAt: new Date(f.session.starts_at)
		});
		expect(again.session.status).toBe('SCHEDULED');
	});
});

describe('side effects of a transition', () => {
	const sent = async (sessionId: string, type: string) => {
		await dispatchOutbox(sql);
		return sql<{ recipient_id: string; method: string }[]>`
			select recipient_id, method::text from public.session_notifications
			where session_id = ${sessionId} and type = ${type}::public.notification_type`;
	};

	it('cancelling cancels the pending reminders and tells everybody else', async () => {
		const f = await bookedFixture(sql);
		await transition(sql, f.parentId, f.session.id, 'CANCELLED');
		const reminders = await sql`select status::text from public.session_reminders
			where session_id = ${f.session.id}`;
		expect(reminders.map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
		const told = await sent(f.session.id, 'SESSION_CANCELLED');
		const methodFor = (id: string) =>
			told.filter((n) => n.recipient_id === id).map((n) => n.method);
		expect(methodFor(f.coachId).sort()).toEqual(['EMAIL', 'IN_APP']);
		expect(methodFor(f.studentId)).toEqual(['IN_APP']);
		expect(methodFor(DEMO.assistant)).toEqual(['IN_APP']);
		expect(methodFor(f.parentId)).toEqual([]);
	});

	it('a no-show cancels the pending reminders too', async () => {
		const f = await sessionIn('CONFIRMED', 10);
		await sql`update public.session_reminders set status = 'PENDING' where session_id = ${f.session.id}`;
		await transition(sql, f.coachId, f.session.id, 'NO_SHOW');
		const pending = await sql`select 1 from public.session_reminders
			where session_id = ${f.session.id} and status = 'PENDING'`;
		expect(pending).toHaveLength(0);
	});

	it('confirming tells the student in-app and the parent by email', async () => {
		const f = await bookedFixture(sql);
		await transition(sql, f.coachId, f.session.id, 'CONFIRMED');
		expect(await sent(f.session.id, 'SESSION_CONFIRMED')).toEqual(
			expect.arrayContaining([
				{ recipient_id: f.studentId, method: 'IN_APP' },
				{ recipient_id: f.parentId, method: 'EMAIL' }
			])
		);
	});

	it('completing asks the student and the parent for feedback, in-app and by email, an hour later', async () => {
		const f = await sessionIn('IN_PROGRESS', 60);
		await transition(sql, f.coachId, f.session.id, 'COMPLETED');
		const asked = await sent(f.session.id, 'FEEDBACK_REQUESTED');
		expect(asked).toHaveLength(4);
		expect(asked).toEqual(
			expect.arrayContaining([
				{ recipient_id: f.studentId, method: 'IN_APP' },
				{ recipient_id: f.studentId, method: 'EMAIL' },
				{ recipient_id: f.parentId, method: 'IN_APP' },
				{ recipient_id: f.parentId, method: 'EMAIL' }
			])
		);
		const [wait] = await sql<{ minutes: number }[]>`
			select round(extract(epoch from min(n.next_attempt_at) - e.occurred_at) / 60)::int as minutes
			from public.session_notifications n join public.notification_events e on e.id = n.event_id
			where n.session_id = ${f.session.id} and n.type = 'FEEDBACK_REQUESTED' group by e.occurred_at`;
		expect(wait!.minutes).toBe(60);
	});
});
