import { describe, expect, it } from 'vitest';
import { wallSlotOf } from '../../src/lib/core/time/wall-slot';
import { call } from '../support/api';
import { fileSql } from '../support/db';
import { DEMO, DEMO_EMAILS } from '../support/demo';
import {
	bookingBody,
	callWithHeaders,
	parisDate,
	signedInCoach,
	signedInFamily,
	type SignedIn,
	type SignedInFamily
} from '../support/fixture-accounts';

/** Each test books with its own fresh coach and family, so files can run in parallel. */
const sql = fileSql(4);

const book = (token: string, body: unknown, headers?: Record<string, string>) =>
	headers
		? callWithHeaders('POST', '/api/sessions/book', { token, body, headers })
		: call('POST', '/api/sessions/book', { token, body });

async function balanceOf(studentId: string): Promise<number> {
	const [row] = await sql<{ balance: number }[]>`
		select balance from public.credit_accounts where student_id = ${studentId}`;
	return row!.balance;
}

async function sessionCount(studentId: string): Promise<number> {
	const [row] = await sql<{ n: number }[]>`
		select count(*)::int as n from public.session_bookings where student_id = ${studentId}`;
	return row!.n;
}

interface World {
	coach: SignedIn;
	family: SignedInFamily;
	student: SignedIn;
}

async function world(credits = 5): Promise<World> {
	const coach = await signedInCoach(sql);
	const family = await signedInFamily(sql, { credits });
	return { coach, family, student: family.students[0]! };
}

describe('POST /api/sessions/book', () => {
	it('books the spec example as the parent: 201, the session view and the new balance', async () => {
		const { coach, family, student } = await world(5);
		const date = parisDate(5);
		const res = await book(family.parent.token, {
			coachId: coach.id,
			studentId: student.id,
			subject: 'MATHEMATIQUES',
			scheduledDate: date,
			startTime: '14:00',
			endTime: '15:00',
			duration: 60,
			title: 'Révision des équations du second degré',
			creditsToUse: 1
		});
		expect(res.status).toBe(201);
		expect(res.body.balance).toBe(4);
		expect(res.body.session).toMatchObject({
			status: 'SCHEDULED',
			title: 'Révision des équations du second degré',
			subject: { code: 'MATHEMATIQUES', nameFr: 'Mathématiques' },
			type: 'INDIVIDUAL',
			modality: 'ONLINE',
			durationMinutes: 60,
			creditsUsed: 1,
			coach: { id: coach.id },
			student: { id: student.id, firstName: 'Child0' }
		});
		// 14:00 Paris on that date, whatever the season.
		const startsAt = new Date(res.body.session.startsAt);
		expect(wallSlotOf(startsAt, 60, 'Europe/Paris')?.startTime).toBe('14:00');
		expect(new Date(res.body.session.endsAt).getTime() - startsAt.getTime()).toBe(3_600_000);
		expect(await balanceOf(student.id)).toBe(4);
	});

	it('lets a student book for themself', async () => {
		const { coach, student } = await world(2);
		const res = await book(student.token, bookingBody(coach.id, student.id, parisDate(6), '09:00'));
		expect(res.status).toBe(201);
		expect(res.body.balance).toBe(1);
	});

	it('replays an idempotent request with 200 and the same session, debiting once', async () => {
		const { coach, family, student } = await world(5);
		const body = bookingBody(coach.id, student.id, parisDate(7), '10:00', {
			idempotencyKey: `replay-${student.id}`
		});
		const first = await book(family.parent.token, body);
		const again = await book(family.parent.token, body);
		expect(first.status).toBe(201);
		expect(again.status).toBe(200);
		expect(again.body.session.id).toBe(first.body.session.id);
		expect(again.body.balance).toBe(4);
		expect(await balanceOf(student.id)).toBe(4);
		expect(await sessionCount(student.id)).toBe(1);
	});

	it('accepts the key as an Idempotency-Key header', async () => {
		const { coach, family, student } = await world(5);
		const body = bookingBody(coach.id, student.id, parisDate(7), '11:00');
		const headers = { 'idempotency-key': `header-${student.id}` };
		const first = await book(family.parent.token, body, headers);
		const again = await book(family.parent.token, body, headers);
		expect([first.status, again.status]).toEqual([201, 200]);
		expect(again.body.session.id).toBe(first.body.session.id);
		expect(await sessionCount(student.id)).toBe(1);
	});

	it('refuses a header key that contradicts the body key', async () => {
		const { coach, family, student } = await world(5);
		const body = bookingBody(coach.id, student.id, parisDate(7), '12:00', {
			idempotencyKey: 'body-key-123'
		});
		const res = await book(family.parent.token, body, { 'idempotency-key': 'header-key-456' });
		expect(res.status).toBe(400);
		expect(res.body.error.fields['Idempotency-Key']).toBeDefined();
	});

	it('answers 402 INSUFFICIENT_CREDITS and books nothing when the balance is short', async () => {
		const { coach, family, student } = await world(1);
		const body = bookingBody(coach.id, student.id, parisDate(8), '10:00', { duration: 120 });
		const res = await book(family.parent.token, body);
		expect(res.status).toBe(402);
		expect(res.body.error.code).toBe('INSUFFICIENT_CREDITS');
		expect(await balanceOf(student.id)).toBe(1);
		expect(await sessionCount(student.id)).toBe(0);
	});

	it('answers 409 SLOT_TAKEN when another family holds an overlapping slot', async () => {
		const { coach, family, student } = await world(3);
		const other = await signedInFamily(sql, { credits: 3 });
		const date = parisDate(9);
		expect((await book(family.parent.token, bookingBody(coach.id, student.id, date))).status).toBe(
			201
		);
		const clash = bookingBody(coach.id, other.students[0]!.id, date, '14:30');
		const res = await book(other.parent.token, clash);
		expect(res.status).toBe(409);
		expect(res.body.error.code).toBe('SLOT_TAKEN');
		expect(await balanceOf(other.students[0]!.id)).toBe(3);
	});

	it('answers 409 STUDENT_BUSY when the student already has a session then', async () => {
		const { coach, family, student } = await world(3);
		const otherCoach = await signedInCoach(sql);
		const date = parisDate(9);
		await book(family.parent.token, bookingBody(coach.id, student.id, date, '16:00'));
		const res = await book(
			family.parent.token,
			bookingBody(otherCoach.id, student.id, date, '16:00')
		);
		expect(res.status).toBe(409);
		expect(res.body.error.code).toBe('STUDENT_BUSY');
		expect(await balanceOf(student.id)).toBe(2);
	});

	it('answers 422 OUTSIDE_AVAILABILITY for a slot the coach does not offer', async () => {
		const { coach, family, student } = await world(3);
		const res = await book(
			family.parent.token,
			bookingBody(coach.id, student.id, parisDate(10), '20:00')
		);
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('OUTSIDE_AVAILABILITY');
	});

	it('answers 422 COACH_NOT_QUALIFIED for a subject the coach does not teach', async () => {
		const { coach, family, student } = await world(3);
		const body = bookingBody(coach.id, student.id, parisDate(10), '10:00', { subject: 'ANGLAIS' });
		const res = await book(family.parent.token, body);
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('COACH_NOT_QUALIFIED');
	});

	it('answers 422 IN_THE_PAST for yesterday', async () => {
		const { coach, family, student } = await world(3);
		const res = await book(family.parent.token, bookingBody(coach.id, student.id, parisDate(-1)));
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('IN_THE_PAST');
		expect(await balanceOf(student.id)).toBe(3);
	});

	it('answers 422 PRICE_MISMATCH when creditsToUse is not the price', async () => {
		const { coach, family, student } = await world(3);
		const body = bookingBody(coach.id, student.id, parisDate(10), '11:00', { creditsToUse: 2 });
		const res = await book(family.parent.token, body);
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('PRICE_MISMATCH');
		expect(await balanceOf(student.id)).toBe(3);
	});

	it('answers 400 with fields when endTime − startTime is not the duration', async () => {
		const { coach, family, student } = await world(3);
		const body = bookingBody(coach.id, student.id, parisDate(10), '10:00', { endTime: '11:30' });
		const res = await book(family.parent.token, body);
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('VALIDATION_FAILED');
		expect(res.body.error.fields.endTime).toBeDefined();
	});

	it('answers 400 with every faulty field for a malformed body', async () => {
		const { family } = await world(3);
		const res = await book(family.parent.token, {
			coachId: 'nope',
			studentId: DEMO.lucas,
			subject: 'maths',
			scheduledDate: '2026-02-30',
			startTime: '9:00',
			endTime: '10:00',
			duration: 45,
			title: '',
			creditsToUse: 1,
			surprise: true
		});
		expect(res.status).toBe(400);
		expect(Object.keys(res.body.error.fields)).toEqual(
			expect.arrayContaining([
				'coachId',
				'subject',
				'scheduledDate',
				'startTime',
				'duration',
				'title'
			])
		);
		const raw = await call('POST', '/api/sessions/book', {
			token: family.parent.token,
			rawBody: '{"coachId":'
		});
		expect(raw.status).toBe(400);
	});

	it('answers 400 for a start time the clock skips (spring-forward, Paris)', async () => {
		const { coach, family, student } = await world(3);
		const body = bookingBody(coach.id, student.id, '2027-03-28', '02:00');
		const res = await book(family.parent.token, body);
		expect(res.status).toBe(400);
		expect(res.body.error.fields.startTime).toBeDefined();
	});

	it('answers 404 for an unknown coach', async () => {
		const { family, student } = await world(3);
		const body = bookingBody('00000000-0000-4000-8000-0000000000ff', student.id, parisDate(10));
		const res = await book(family.parent.token, body);
		expect(res.status).toBe(404);
	});

	it('answers 403 when a parent books for another family’s child (Durand for Lucas)', async () => {
		const coach = await signedInCoach(sql);
		const before = await sessionCount(DEMO.lucas);
		const res = await call('POST', '/api/sessions/book', {
			as: DEMO_EMAILS.parentDurand,
			body: bookingBody(coach.id, DEMO.lucas, parisDate(11))
		});
		expect(res.status).toBe(403);
		expect(await sessionCount(DEMO.lucas)).toBe(before);
	});

	it('answers 401 without a token and with a garbage token', async () => {
		const body = bookingBody(DEMO.coachMaths, DEMO.lucas, parisDate(11));
		expect((await call('POST', '/api/sessions/book', { body })).status).toBe(401);
		expect((await call('POST', '/api/sessions/book', { token: 'garbage', body })).status).toBe(401);
	});
});
