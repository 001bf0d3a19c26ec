import { describe, expect, it } from 'vitest';
import { wallSlotOf } from '../../src/lib/core/time/wall-slot';
import { call } from '../support/api';
import { fileSql } from '../support/db';
import { DEMO_EMAILS, DEMO_SESSIONS } from '../support/demo';
import {
	balanceOf,
	bookedSession,
	bookingBody,
	parisDate,
	signedInFamily,
	startedAgo,
	type BookedSession
} from '../support/fixture-accounts';

/** Status changes, feedback, rescheduling and refunds, each on a fresh coach and family. */
const sql = fileSql(4);

const patchStatus = (token: string, id: string, body: unknown) =>
	call('PATCH', `/api/sessions/${id}/status`, { token, body });

describe('PATCH /api/sessions/{id}/status', () => {
	it('walks a session to COMPLETED with the spec example body', async () => {
		const { coach, sessionId } = await bookedSession(sql);
		expect((await patchStatus(coach.token, sessionId, { status: 'CONFIRMED' })).status).toBe(200);
		await startedAgo(sql, sessionId, 10);
		expect((await patchStatus(coach.token, sessionId, { status: 'IN_PROGRESS' })).status).toBe(200);
		const done = await patchStatus(coach.token, sessionId, {
			status: 'COMPLETED',
			notes: 'Excellent progress'
		});
		expect(done.status).toBe(200);
		expect(done.body.session.status).toBe('COMPLETED');
		expect(done.body.refunded).toBe(0);
	});

	it('answers 409 INVALID_TRANSITION for a move the lifecycle forbids, changing nothing', async () => {
		const { coach, sessionId } = await bookedSession(sql);
		const res = await patchStatus(coach.token, sessionId, { status: 'COMPLETED' });
		expect(res.status).toBe(409);
		expect(res.body.error.code).toBe('INVALID_TRANSITION');
		const [row] = await sql`select status from public.session_bookings where id = ${sessionId}`;
		expect(row!.status).toBe('SCHEDULED');
	});

	it('lets the parent cancel well ahead with a full refund, freeing the slot', async () => {
		const { coach, family, student, sessionId } = await bookedSession(sql, {
			days: 6,
			time: '15:00'
		});
		expect(await balanceOf(sql, student.id)).toBe(4);
		const preview = await call('GET', `/api/sessions/${sessionId}/refund-preview`, {
			token: family.parent.token
		});
		expect(preview.body).toEqual({ refund: 1 });
		const res = await patchStatus(family.parent.token, sessionId, { status: 'CANCELLED' });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ session: { status: 'CANCELLED' }, refunded: 1 });
		expect(await balanceOf(sql, student.id)).toBe(5);
		const again = await call('POST', '/api/sessions/book', {
			token: family.parent.token,
			body: bookingBody(coach.id, student.id, parisDate(6), '15:00')
		});
		expect(again.status).toBe(201);
	});

	it('answers 403 when a family tries a coach’s move, 404 for another family', async () => {
		const { family, sessionId } = await bookedSession(sql);
		const res = await patchStatus(family.parent.token, sessionId, { status: 'CONFIRMED' });
		expect(res.status).toBe(403);
		const other = await signedInFamily(sql);
		expect((await patchStatus(other.parent.token, sessionId, { status: 'CANCELLED' })).status).toBe(
			404
		);
	});

	it('refuses to start a session more than 15 minutes early (409)', async () => {
		const { coach, sessionId } = await bookedSession(sql);
		await patchStatus(coach.token, sessionId, { status: 'CONFIRMED' });
		const res = await patchStatus(coach.token, sessionId, { status: 'IN_PROGRESS' });
		expect(res.status).toBe(409);
		expect(res.body.error.code).toBe('INVALID_TRANSITION');
	});

	it('lets only staff override the refund: none here, and the family may not ask', async () => {
		const { family, student, sessionId } = await bookedSession(sql, { days: 6 });
		const asked = await patchStatus(family.parent.token, sessionId, {
			status: 'CANCELLED',
			refund: true
		});
		expect(asked.status).toBe(403);
		const res = await call('PATCH', `/api/sessions/${sessionId}/status`, {
			as: DEMO_EMAILS.assistant,
			body: { status: 'CANCELLED', refund: false, notes: 'Annulation hors délai' }
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			session: { status: 'CANCELLED', cancellationReason: 'Annulation hors délai' },
			refunded: 0
		});
		expect(await balanceOf(sql, student.id)).toBe(4);
	});

	it('answers 400 for an unknown status or extra fields', async () => {
		const { coach, sessionId } = await bookedSession(sql);
		expect((await patchStatus(coach.token, sessionId, { status: 'DONE' })).status).toBe(400);
		expect(
			(await patchStatus(coach.token, sessionId, { status: 'CONFIRMED', by: 'me' })).status
		).toBe(400);
	});
});

describe('POST /api/sessions/{id}/feedback', () => {
	async function completed(): Promise<BookedSession> {
		const world = await bookedSession(sql);
		await patchStatus(world.coach.token, world.sessionId, { status: 'CONFIRMED' });
		await startedAgo(sql, world.sessionId, 70);
		await patchStatus(world.coach.token, world.sessionId, { status: 'IN_PROGRESS' });
		await patchStatus(world.coach.token, world.sessionId, { status: 'COMPLETED' });
		return world;
	}

	it('records a family rating once (409 ALREADY_RATED after), and notes from each side', async () => {
		const { coach, family, student, sessionId } = await completed();
		const url = `/api/sessions/${sessionId}/feedback`;
		const rated = await call('POST', url, {
			token: family.parent.token,
			body: { rating: 5, feedback: 'Très clair' }
		});
		expect(rated.status).toBe(200);
		expect(rated.body.session).toMatchObject({ rating: 5, feedback: 'Très clair' });
		const twice = await call('POST', url, { token: student.token, body: { rating: 4 } });
		expect(twice.status).toBe(409);
		expect(twice.body.error.code).toBe('ALREADY_RATED');

		const coachNotes = await call('POST', url, {
			token: coach.token,
			body: { notes: 'Revoir les identités remarquables' }
		});
		expect(coachNotes.body.session.coachNotes).toBe('Revoir les identités remarquables');
		const studentNotes = await call('POST', url, {
			token: student.token,
			body: { notes: 'Exercices 3 à 7' }
		});
		expect(studentNotes.body.session.studentNotes).toBe('Exercices 3 à 7');
	});

	it('keeps notes to the coach and the student (403 for a parent)', async () => {
		const { family, sessionId } = await bookedSession(sql);
		const res = await call('POST', `/api/sessions/${sessionId}/feedback`, {
			token: family.parent.token,
			body: { notes: 'Parent notes' }
		});
		expect(res.status).toBe(403);
	});

	it('answers 400 for a rating out of range or a rating mixed with notes', async () => {
		const { family, sessionId } = await bookedSession(sql);
		const url = `/api/sessions/${sessionId}/feedback`;
		for (const body of [{ rating: 6 }, { rating: 4, notes: 'x' }, {}, { feedback: 'only' }]) {
			expect((await call('POST', url, { token: family.parent.token, body })).status).toBe(400);
		}
	});

	it('refuses to rate a session that has not happened, and hides it from other families', async () => {
		const { family, sessionId } = await bookedSession(sql);
		const url = `/api/sessions/${sessionId}/feedback`;
		const early = await call('POST', url, { token: family.parent.token, body: { rating: 5 } });
		expect(early.status).toBe(409);
		expect(early.body.error.code).toBe('INVALID_TRANSITION');
		const other = await signedInFamily(sql);
		expect(
			(await call('POST', url, { token: other.parent.token, body: { rating: 1 } })).status
		).toBe(404);
	});
});

describe('POST /api/sessions/{id}/reschedule', () => {
	it('moves the session to a new wall-clock start in the coach’s zone', async () => {
		const { family, sessionId } = await bookedSession(sql, { days: 5, time: '10:00' });
		const res = await call('POST', `/api/sessions/${sessionId}/reschedule`, {
			token: family.parent.token,
			body: { scheduledDate: parisDate(8), startTime: '16:30', reason: 'Contrôle déplacé' }
		});
		expect(res.status).toBe(200);
		const startsAt = new Date(res.body.session.startsAt);
		expect(wallSlotOf(startsAt, 60, 'Europe/Paris')?.startTime).toBe('16:30');
		expect(res.body.session.durationMinutes).toBe(60);
	});

	it('answers 409 SLOT_TAKEN onto a taken slot and 422 outside availability', async () => {
		const { coach, family, sessionId } = await bookedSession(sql, { days: 5, time: '10:00' });
		const other = await signedInFamily(sql, { credits: 2 });
		await call('POST', '/api/sessions/book', {
			token: other.parent.token,
			body: bookingBody(coach.id, other.students[0]!.id, parisDate(5), '12:00')
		});
		const url = `/api/sessions/${sessionId}/reschedule`;
		const taken = await call('POST', url, {
			token: family.parent.token,
			body: { scheduledDate: parisDate(5), startTime: '12:30' }
		});
		expect(taken.status).toBe(409);
		expect(taken.body.error.code).toBe('SLOT_TAKEN');
		const late = await call('POST', url, {
			token: family.parent.token,
			body: { scheduledDate: parisDate(5), startTime: '21:00' }
		});
		expect(late.status).toBe(422);
		expect(late.body.error.code).toBe('OUTSIDE_AVAILABILITY');
	});

	it('answers 422 TOO_LATE for a family moving a session inside 24 hours of its start', async () => {
		const { family, sessionId } = await bookedSession(sql);
		await sql`update public.session_bookings
			set starts_at = now() + interval '10 hours', ends_at = now() + interval '11 hours'
			where id = ${sessionId}`;
		const res = await call('POST', `/api/sessions/${sessionId}/reschedule`, {
			token: family.parent.token,
			body: { scheduledDate: parisDate(9), startTime: '10:00' }
		});
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('TOO_LATE');
	});

	it('answers 400 for a malformed body and 404 for another family', async () => {
		const { family, sessionId } = await bookedSession(sql);
		const url = `/api/sessions/${sessionId}/reschedule`;
		const bad = await call('POST', url, {
			token: family.parent.token,
			body: { scheduledDate: 'tomorrow', startTime: '25:00' }
		});
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.error.fields).sort()).toEqual(['scheduledDate', 'startTime']);
		const other = await signedInFamily(sql);
		const hidden = await call('POST', url, {
			token: other.parent.token,
			body: { scheduledDate: parisDate(9), startTime: '10:00' }
		});
		expect(hidden.status).toBe(404);
	});
});

describe('GET /api/sessions/{id}/refund-preview', () => {
	it('previews a full refund well ahead; 404 for another family', async () => {
		const { student, sessionId } = await bookedSession(sql, { days: 7 });
		const res = await call('GET', `/api/sessions/${sessionId}/refund-preview`, {
			token: student.token
		});
		expect(res).toEqual({ status: 200, body: { refund: 1 } });
		expect(
			(
				await call('GET', `/api/sessions/${DEMO_SESSIONS.lucasMaths}/refund-preview`, {
					as: DEMO_EMAILS.hugo
				})
			).status
		).toBe(404);
	});
});
