import { describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import { actAs, failure, fileSql, makeCoach, makeFamily } from '../../tests/support/db';
import { DEMO } from '../../tests/support/demo';
import {
	balanceOf,
	bookedFixture,
	bookSession,
	dispatchOutbox,
	moveStartTo,
	nbCode,
	parisAt,
	storedSession,
	type SessionRow
} from './support/booking';

/**
 * The staff's issue-resolution RPCs, as each role in SQL: book, cancel (with a refund decision),
 * reschedule and reassign for a family. Each is refused to families and coaches, writes its
 * history (session_status_history, staff_actions) and its outbox event.
 */
const sql = fileSql();

/** `select <call> as result` as the user. */
async function as<T>(userId: string, run: (tx: Sql) => Promise<{ result: T }[]>): Promise<T> {
	const [row] = await actAs(sql, userId)((tx) => run(tx as unknown as Sql));
	return row!.result;
}

const staffCancel = (userId: string, sessionId: string, refund: string, reason = 'Coach malade') =>
	as<{ session: SessionRow; refunded: number }>(
		userId,
		(tx) =>
			tx`select public.staff_cancel_session(${sessionId}::uuid, ${refund}, ${reason}) as result`
	);

const staffBook = (userId: string, coachId: string, studentId: string, startsAt: Date) =>
	as<{ session: SessionRow; balance: number }>(
		userId,
		(tx) => tx`select public.staff_book_session(
			p_coach_id => ${coachId}::uuid, p_student_id => ${studentId}::uuid,
			p_subject => 'MATHEMATIQUES', p_starts_at => ${startsAt.toISOString()}::timestamptz,
			p_duration_minutes => 60, p_title => 'Révisions', p_credits => 1,
			p_reason => 'Réservé au téléphone avec la mère') as result`
	);

const candidates = (userId: string, sessionId: string) =>
	as<{ coach_id: string }[]>(
		userId,
		(tx) => tx`select coalesce(jsonb_agg(c), '[]') as result
			from public.reassign_candidates(${sessionId}::uuid) c`
	).then((rows) => rows.map((r) => r.coach_id));

const reassign = (userId: string, sessionId: string, coachId: string) =>
	as<{ session: SessionRow; seats: number }>(
		userId,
		(tx) => tx`select public.reassign_session(${sessionId}::uuid, ${coachId}::uuid,
			'Coach absent cette semaine') as result`
	);

async function lastEvent(sessionId: string) {
	const [event] = await sql<{ type: string; actor_id: string; data: Record<string, unknown> }[]>`
		select type::text, actor_id, data from public.notification_events
		where session_id = ${sessionId} order by id desc limit 1`;
	return event!;
}

async function staffActions(sessionId: string) {
	return sql<{ action: string; actor_id: string; reason: string | null }[]>`
		select action, actor_id, reason from public.staff_actions where session_id = ${sessionId}
		order by id`;
}

describe('booking for a family', () => {
	it('an assistant books for a student with book_session rules, and the family is told', async () => {
		const coachId = await makeCoach(sql);
		const { parentId, studentIds } = await makeFamily(sql, { credits: 2 });
		const startsAt = await parisAt(sql, 4, '11:00');
		const { session, balance } = await staffBook(DEMO.assistant, coachId, studentIds[0]!, startsAt);
		expect(session).toMatchObject({
			status: 'SCHEDULED',
			booked_by: DEMO.assistant,
			parent_id: parentId
		});
		expect(balance).toBe(1);
		const [history] = await sql`select notes, changed_by from public.session_status_history
			where session_id = ${session.id}`;
		expect(history).toEqual({
			notes: 'booked by staff for the family: Réservé au téléphone avec la mère',
			changed_by: DEMO.assistant
		});
		expect(await staffActions(session.id)).toEqual([
			{ action: 'BOOK', actor_id: DEMO.assistant, reason: 'Réservé au téléphone avec la mère' }
		]);
		expect(await lastEvent(session.id)).toMatchObject({
			type: 'SESSION_BOOKED',
			actor_id: DEMO.assistant
		});
	});

	it('is refused to the family and the coach, and keeps every booking rule', async () => {
		const coachId = await makeCoach(sql, { subjects: ['FRANCAIS'] });
		const { parentId, studentIds } = await makeFamily(sql, { credits: 2 });
		const startsAt = await parisAt(sql, 4, '11:00');
		expect(await nbCode(staffBook(parentId, coachId, studentIds[0]!, startsAt))).toBe(
			'NB_FORBIDDEN'
		);
		expect(await nbCode(staffBook(coachId, coachId, studentIds[0]!, startsAt))).toBe(
			'NB_FORBIDDEN'
		);
		expect(await nbCode(staffBook(DEMO.admin, coachId, studentIds[0]!, startsAt))).toBe(
			'NB_COACH_NOT_QUALIFIED'
		);
		expect(await balanceOf(sql, studentIds[0]!)).toBe(2);
	});
});

describe('cancelling with a refund decision', () => {
	/** A session booked 3 days ahead, moved to start in `minutesAhead` when given (late). */
	async function session(minutesAhead?: number) {
		const f = await bookedFixture(sql, { credits: 3 });
		if (minutesAhead !== undefined) await moveStartTo(sql, f.session.id, minutesAhead);
		return f;
	}

	it.each([
		['FULL', 'late', 1],
		['NONE', 'early', 0],
		['POLICY', 'early', 1],
		['POLICY', 'late', 0]
	] as const)('%s on an %s cancellation refunds %i credit(s)', async (refund, when, expected) => {
		const f = await session(when === 'late' ? 90 : undefined);
		const before = await balanceOf(sql, f.studentId);
		const { session: cancelled, refunded } = await staffCancel(
			DEMO.assistant,
			f.session.id,
			refund
		);
		expect(cancelled.status).toBe('CANCELLED');
		expect(refunded).toBe(expected);
		expect(await balanceOf(sql, f.studentId)).toBe(before + expected);
		const [history] = await sql`select to_status::text, notes from public.session_status_history
			where session_id = ${f.session.id} order by id desc limit 1`;
		expect(history).toEqual({ to_status: 'CANCELLED', notes: 'Coach malade' });
		expect(await lastEvent(f.session.id)).toMatchObject({
			type: 'SESSION_CANCELLED',
			data: { refunded: expected }
		});
		const [action] = await sql`select details from public.staff_actions
			where session_id = ${f.session.id} and action = 'CANCEL'`;
		expect(action!.details).toEqual({ refund, refunded: expected });
	});

	it('is refused to families and coaches, and needs a refund choice and a reason', async () => {
		const f = await session();
		for (const userId of [f.parentId, f.studentId, f.coachId]) {
			expect(await nbCode(staffCancel(userId, f.session.id, 'FULL'))).toBe('NB_FORBIDDEN');
		}
		expect(await nbCode(staffCancel(DEMO.assistant, f.session.id, 'HALF'))).toBe('NB_VALIDATION');
		expect(await nbCode(staffCancel(DEMO.assistant, f.session.id, 'FULL', ' '))).toBe(
			'NB_VALIDATION'
		);
		expect((await storedSession(sql, f.session.id)).status).toBe('SCHEDULED');
	});
});

describe('rescheduling for a family', () => {
	const move = (userId: string, sessionId: string, startsAt: Date) =>
		as<{ session: SessionRow }>(
			userId,
			(tx) => tx`select public.staff_reschedule_session(${sessionId}::uuid,
				${startsAt.toISOString()}::timestamptz, 'Demande de la famille par téléphone') as result`
		);

	it('staff move a session even within 24 hours; the family cannot use the staff tool', async () => {
		const f = await bookedFixture(sql);
		await moveStartTo(sql, f.session.id, 12 * 60);
		const target = await parisAt(sql, 5, '15:00');
		expect(await nbCode(move(f.parentId, f.session.id, target))).toBe('NB_FORBIDDEN');
		const { session } = await move(DEMO.assistant, f.session.id, target);
		expect(new Date(session.starts_at).getTime()).toBe(target.getTime());
		expect(await lastEvent(f.session.id)).toMatchObject({ type: 'SESSION_RESCHEDULED' });
		expect((await staffActions(f.session.id)).map((a) => a.action)).toEqual(['RESCHEDULE']);
	});
});

describe('reassigning to another coach', () => {
	/** A maths session at 10:00 in 3 days, and coaches around it. */
	async function scene() {
		const f = await bookedFixture(sql, { daysAhead: 3, time: '10:00' });
		const free = await makeCoach(sql, { subjects: ['MATHEMATIQUES'] });
		const unqualified = await makeCoach(sql, { subjects: ['FRANCAIS'] });
		const busy = await makeCoach(sql, { subjects: ['MATHEMATIQUES'] });
		const other = await makeFamily(sql, { credits: 2 });
		await bookSession(sql, other.parentId, {
			coachId: busy,
			studentId: other.studentIds[0]!,
			startsAt: await parisAt(sql, 3, '10:30'),
			durationMinutes: 30
		});
		const evenings = [0, 1, 2, 3, 4, 5, 6].map((d) => ({
			dayOfWeek: d,
			start: '18:00',
			end: '20:00'
		}));
		const away = await makeCoach(sql, { subjects: ['MATHEMATIQUES'], weekly: evenings });
		return { f, free, unqualified, busy, away };
	}

	it('lists the qualified coaches free then: not an unqualified, busy or unavailable one', async () => {
		const { f, free, unqualified, busy, away } = await scene();
		const ids = await candidates(DEMO.assistant, f.session.id);
		expect(ids).toContain(free);
		for (const excluded of [unqualified, busy, away, f.coachId])
			expect(ids).not.toContain(excluded);
		for (const userId of [f.parentId, f.coachId]) {
			expect(await nbCode(candidates(userId, f.session.id))).toBe('NB_FORBIDDEN');
		}
	});

	it('moves the session to a free coach, back to SCHEDULED, and tells everyone', async () => {
		const { f, free } = await scene();
		await sql`update public.session_bookings set status = 'CONFIRMED', confirmed_at = now()
			where id = ${f.session.id}`;
		const { session, seats } = await reassign(DEMO.admin, f.session.id, free);
		expect(seats).toBe(1);
		expect(session).toMatchObject({ coach_id: free, status: 'SCHEDULED', confirmed_at: null });
		expect(session.starts_at).toBe(f.session.starts_at);
		expect(await balanceOf(sql, f.studentId)).toBe(4);
		const [history] = await sql`select from_status::text, to_status::text, changed_by, notes
			from public.session_status_history where session_id = ${f.session.id} order by id desc limit 1`;
		expect(history).toMatchObject({
			from_status: 'CONFIRMED',
			to_status: 'SCHEDULED',
			changed_by: DEMO.admin
		});
		expect(history!.notes).toMatch(/^reassigned .+ → .+: Coach absent cette semaine$/);
		expect(await lastEvent(f.session.id)).toMatchObject({
			type: 'SESSION_REASSIGNED',
			actor_id: DEMO.admin,
			data: { previousCoachId: f.coachId }
		});
		expect((await staffActions(f.session.id)).map((a) => a.action)).toEqual(['REASSIGN']);
		// Told: the new coach (invitation), the coach it left (cancelled entry), the parent.
		await dispatchOutbox(sql);
		const told = await sql<{ recipient_id: string; calendar: string | null }[]>`
			select recipient_id, payload #>> '{calendar,method}' as calendar
			from public.session_notifications
			where session_id = ${f.session.id} and type = 'SESSION_REASSIGNED' and method = 'EMAIL'`;
		const calendarOf = (id: string) => told.find((t) => t.recipient_id === id)?.calendar;
		expect(calendarOf(free)).toBe('REQUEST');
		expect(calendarOf(f.coachId)).toBe('CANCEL');
		expect(calendarOf(f.parentId)).toBe('REQUEST');
	});

	it('refuses a busy, unqualified or unavailable coach, and families and coaches', async () => {
		const { f, unqualified, busy, away, free } = await scene();
		expect(await nbCode(reassign(DEMO.assistant, f.session.id, busy))).toBe('NB_SLOT_TAKEN');
		expect(await nbCode(reassign(DEMO.assistant, f.session.id, unqualified))).toBe(
			'NB_COACH_NOT_QUALIFIED'
		);
		expect(await nbCode(reassign(DEMO.assistant, f.session.id, away))).toBe(
			'NB_OUTSIDE_AVAILABILITY'
		);
		expect(await nbCode(reassign(f.parentId, f.session.id, free))).toBe('NB_FORBIDDEN');
		expect(await nbCode(reassign(f.coachId, f.session.id, free))).toBe('NB_FORBIDDEN');
		expect((await storedSession(sql, f.session.id)).coach_id).toBe(f.coachId);
	});

	it('moves every live seat of a group together', async () => {
		const coachId = await makeCoach(sql);
		const free = await makeCoach(sql);
		const startsAt = await parisAt(sql, 6, '14:00');
		const seats: string[] = [];
		for (let i = 0; i < 2; i++) {
			const family = await makeFamily(sql, { credits: 2 });
			const { session } = await bookSession(sql, family.parentId, {
				coachId,
				studentId: family.studentIds[0]!,
				startsAt,
				type: 'GROUP',
				credits: 1
			});
			seats.push(session.id);
		}
		const { seats: moved } = await reassign(DEMO.assistant, seats[0]!, free);
		expect(moved).toBe(2);
		const rows = await sql`select coach_id, meeting_url from public.session_bookings
			where id in ${sql(seats)}`;
		expect(rows.every((r) => r.coach_id === free)).toBe(true);
		expect(new Set(rows.map((r) => r.meeting_url)).size).toBe(1);
	});

	it('a started session cannot be reassigned', async () => {
		const { f, free } = await scene();
		await moveStartTo(sql, f.session.id, -5);
		expect(await nbCode(reassign(DEMO.assistant, f.session.id, free))).toBe('NB_TOO_LATE');
	});
});

describe('every staff action is in the journal only staff read', () => {
	it('a family reads nothing of staff_actions', async () => {
		const f = await bookedFixture(sql);
		await staffCancel(DEMO.assistant, f.session.id, 'POLICY');
		const seen = await actAs(sql, f.parentId)((tx) => tx`select id from public.staff_actions`);
		expect(seen).toEqual([]);
		const staff = await actAs(
			sql,
			DEMO.assistant
		)((tx) => tx`select id from public.staff_actions where session_id = ${f.session.id}`);
		expect(staff).toHaveLength(1);
		const write = await failure(
			actAs(
				sql,
				DEMO.assistant
			)(
				(tx) =>
					tx`insert into public.staff_actions (actor_id, action) values (${DEMO.assistant}, 'BOOK')`
			)
		);
		expect(write.code).toBe('42501');
	});
});
