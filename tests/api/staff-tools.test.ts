import { describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { fileSql, makeCoach } from '../support/db';
import { DEMO_EMAILS } from '../support/demo';
import {
	balanceOf,
	bookedSession,
	bookingBody,
	parisDate,
	signedInFamily
} from '../support/fixture-accounts';
import { until } from '../support/until';

/**
 * The staff's issue-resolution endpoints: 201/200 for staff, 403 JSON for families and coaches,
 * 400 JSON for a bad body, stable codes from the database, and nothing written on a refusal.
 */
const sql = fileSql(4);
const assistant = { as: DEMO_EMAILS.assistant };

describe('POST /api/staff/sessions/book', () => {
	it('books for a family with a reason; a parent gets 403 and a body without reason 400', async () => {
		const coachId = await makeCoach(sql);
		const family = await signedInFamily(sql, { credits: 2 });
		const student = family.students[0]!;
		const body = { ...bookingBody(coachId, student.id, parisDate(6)), reason: 'Appel de la mère' };
		const denied = await call('POST', '/api/staff/sessions/book', {
			token: family.parent.token,
			body
		});
		expect(denied.status).toBe(403);
		expect(denied.body.error.code).toBe('FORBIDDEN');
		const { reason: _, ...withoutReason } = body;
		const bad = await call('POST', '/api/staff/sessions/book', {
			...assistant,
			body: withoutReason
		});
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toHaveProperty('reason');
		const res = await call('POST', '/api/staff/sessions/book', { ...assistant, body });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ session: { status: 'SCHEDULED' }, balance: 1 });
		expect(await balanceOf(sql, student.id)).toBe(1);
	});

	it('maps the booking rules to their codes (an unqualified coach: 422)', async () => {
		const coachId = await makeCoach(sql, { subjects: ['ANGLAIS'] });
		const family = await signedInFamily(sql, { credits: 2 });
		const res = await call('POST', '/api/staff/sessions/book', {
			...assistant,
			body: {
				...bookingBody(coachId, family.students[0]!.id, parisDate(6)),
				reason: 'Au téléphone'
			}
		});
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('COACH_NOT_QUALIFIED');
	});
});

describe('POST /api/staff/sessions/{id}/cancel', () => {
	it('cancels with the refund staff decide; the family and the coach get 403', async () => {
		const { coach, family, student, sessionId } = await bookedSession(sql, { days: 6 });
		const body = { refund: 'NONE', reason: 'Absence non justifiée' };
		for (const token of [family.parent.token, coach.token]) {
			const res = await call('POST', `/api/staff/sessions/${sessionId}/cancel`, { token, body });
			expect(res.status).toBe(403);
		}
		const bad = await call('POST', `/api/staff/sessions/${sessionId}/cancel`, {
			...assistant,
			body: { refund: 'HALF', reason: 'x' }
		});
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.error.fields).sort()).toEqual(['reason', 'refund']);
		const res = await call('POST', `/api/staff/sessions/${sessionId}/cancel`, {
			...assistant,
			body
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ session: { status: 'CANCELLED' }, refunded: 0 });
		expect(await balanceOf(sql, student.id)).toBe(4);
		const again = await call('POST', `/api/staff/sessions/${sessionId}/cancel`, {
			...assistant,
			body: { refund: 'FULL', reason: 'Erreur de saisie' }
		});
		expect(again.status).toBe(409);
		expect(again.body.error.code).toBe('INVALID_TRANSITION');
		expect(await balanceOf(sql, student.id)).toBe(4);
	});
});

describe('POST /api/staff/sessions/{id}/reschedule', () => {
	it('moves the session for the family', async () => {
		const { family, sessionId } = await bookedSession(sql, { days: 6 });
		const body = { scheduledDate: parisDate(7), startTime: '16:00', reason: 'Demande par e-mail' };
		const denied = await call('POST', `/api/staff/sessions/${sessionId}/reschedule`, {
			token: family.parent.token,
			body
		});
		expect(denied.status).toBe(403);
		const res = await call('POST', `/api/staff/sessions/${sessionId}/reschedule`, {
			...assistant,
			body
		});
		expect(res.status).toBe(200);
		expect(res.body.session.status).toBe('SCHEDULED');
		const [row] = await sql<{ at: string }[]>`
			select to_char(starts_at at time zone 'Europe/Paris', 'YYYY-MM-DD HH24:MI') as at
			from public.session_bookings where id = ${sessionId}`;
		expect(row!.at).toBe(`${parisDate(7)} 16:00`);
	});
});

describe('reassigning: GET …/candidates and POST …/reassign', () => {
	it('lists a free qualified coach, not a busy one, and hands the session over', async () => {
		const { coach, sessionId } = await bookedSession(sql, { days: 6, time: '14:00' });
		const free = await makeCoach(sql);
		const busy = await bookedSession(sql, { days: 6, time: '14:00' });
		const list = await call('GET', `/api/staff/sessions/${sessionId}/candidates`, assistant);
		expect(list.status).toBe(200);
		const ids = list.body.coaches.map((c: { id: string }) => c.id);
		expect(ids).toContain(free);
		expect(ids).not.toContain(busy.coach.id);
		expect(ids).not.toContain(coach.id);
		const forCoach = await call('GET', `/api/staff/sessions/${sessionId}/candidates`, {
			token: coach.token
		});
		expect(forCoach.status).toBe(403);
		const taken = await call('POST', `/api/staff/sessions/${sessionId}/reassign`, {
			...assistant,
			body: { coachId: busy.coach.id, reason: 'Coach malade' }
		});
		expect(taken.status).toBe(409);
		expect(taken.body.error.code).toBe('SLOT_TAKEN');
		const res = await call('POST', `/api/staff/sessions/${sessionId}/reassign`, {
			...assistant,
			body: { coachId: free, reason: 'Coach malade' }
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ seats: 1, previousCoachId: coach.id });
		expect(res.body.session.coach.id).toBe(free);
		const missing = await call('POST', `/api/staff/sessions/${sessionId}/reassign`, {
			...assistant,
			body: { coachId: 'not-a-uuid' }
		});
		expect(missing.status).toBe(400);
	});
});

describe('credit requests', () => {
	it('a parent asks, staff see it in the queue and grant it; the balance follows', async () => {
		const family = await signedInFamily(sql, { credits: 1 });
		const student = family.students[0]!;
		const asked = await call('POST', '/api/credits/requests', {
			token: family.parent.token,
			body: { studentId: student.id, amount: 3, message: 'Stage de vacances' }
		});
		expect(asked.status).toBe(201);
		expect(asked.body.request).toMatchObject({ status: 'OPEN', amount: 3, balance: 1 });
		const twice = await call('POST', '/api/credits/requests', {
			token: student.token,
			body: { studentId: student.id, amount: 1 }
		});
		expect(twice.status).toBe(409);
		expect(twice.body.error.code).toBe('CONFLICT');
		const queue = await call('GET', '/api/staff/credit-requests', assistant);
		expect(queue.body.requests.map((r: { id: string }) => r.id)).toContain(asked.body.request.id);
		const forFamily = await call('GET', '/api/staff/credit-requests', {
			token: family.parent.token
		});
		expect(forFamily.status).toBe(403);
		const path = `/api/staff/credit-requests/${asked.body.request.id}/decision`;
		const byParent = await call('POST', path, {
			token: family.parent.token,
			body: { decision: 'GRANT' }
		});
		expect(byParent.status).toBe(403);
		const declineWithoutNote = await call('POST', path, {
			...assistant,
			body: { decision: 'DECLINE' }
		});
		expect(declineWithoutNote.status).toBe(400);
		const granted = await call('POST', path, { ...assistant, body: { decision: 'GRANT' } });
		expect(granted.status).toBe(200);
		expect(granted.body).toMatchObject({
			request: { status: 'GRANTED', grantedAmount: 3 },
			balance: 4
		});
		expect(await balanceOf(sql, student.id)).toBe(4);
		const mine = await call('GET', '/api/credits/requests', { token: family.parent.token });
		expect(mine.body.requests).toEqual([expect.objectContaining({ status: 'GRANTED' })]);
	});

	it('staff cannot ask; a bad amount is a 400', async () => {
		const family = await signedInFamily(sql);
		const byStaff = await call('POST', '/api/credits/requests', {
			...assistant,
			body: { studentId: family.students[0]!.id, amount: 3 }
		});
		expect(byStaff.status).toBe(403);
		const bad = await call('POST', '/api/credits/requests', {
			token: family.parent.token,
			body: { studentId: family.students[0]!.id, amount: 0 }
		});
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toHaveProperty('amount');
	});
});

describe('POST /api/notifications/deliveries/{id}/resend', () => {
	it('puts a FAILED delivery back for another round; staff only; anything else 409', async () => {
		const { family, sessionId } = await bookedSession(sql, { days: 6 });
		// The server's engine sends the coach's mail; then it is made to look refused.
		const sent = await until(async () => {
			const [row] = await sql<{ id: string }[]>`
				select id from public.session_notifications
				where session_id = ${sessionId} and method = 'EMAIL' and status = 'SENT' limit 1`;
			return row;
		});
		const [delivery] = await sql<{ id: string }[]>`
			update public.session_notifications set status = 'FAILED', last_error = '550 refused'
			where id = ${sent.id} returning id`;
		const path = `/api/notifications/deliveries/${delivery!.id}/resend`;
		const denied = await call('POST', path, { token: family.parent.token });
		expect(denied.status).toBe(403);
		const res = await call('POST', path, assistant);
		expect(res.status).toBe(200);
		expect(res.body.delivery).toMatchObject({ id: delivery!.id, status: 'PENDING', resends: 1 });
		// The running engine sends it again at once: a second successful attempt.
		await until(async () => {
			const attempts = await sql`select 1 from public.notification_attempts
				where notification_id = ${delivery!.id} and succeeded`;
			return attempts.length === 2;
		}, 10_000);
		const again = await call('POST', path, assistant);
		expect(again.status).toBe(409);
		expect(again.body.error.code).toBe('INVALID_TRANSITION');
		const unknown = await call(
			'POST',
			'/api/notifications/deliveries/00000000-0000-4000-8000-00000000dead/resend',
			assistant
		);
		expect(unknown.status).toBe(404);
		expect(
			(await call('POST', '/api/notifications/deliveries/nope/resend', assistant)).status
		).toBe(400);
	});
});
