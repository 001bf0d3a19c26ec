import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileSql, makeCoach, makeFamily, makeUser, sessionOf } from '../../tests/support/db';
import { DEMO } from '../../tests/support/demo';
import {
	balanceOf,
	bookSession,
	dispatchOutbox,
	nbCode,
	parisAt,
	type BookingRequest
} from './support/booking';

/**
 * book_session: every rule, in the order it checks them, and everything one
 * booking writes. Each test books with a fresh coach and a fresh family.
 */
const sql = fileSql();

/** A fresh coach and a fresh family (one child, `credits` credits), and a slot 3 days ahead at 10:00 Paris. */
async function setup(credits = 5) {
	const coachId = await makeCoach(sql);
	const { parentId, studentIds } = await makeFamily(sql, { credits });
	const studentId = studentIds[0]!;
	const startsAt = await parisAt(sql, 3, '10:00');
	const request: BookingRequest = { coachId, studentId, startsAt };
	return { coachId, parentId, studentId, startsAt, request };
}

const notificationsOf = async (sessionId: string) => {
	await dispatchOutbox(sql);
	return sql<
		{
			recipient_id: string;
			method: string;
			type: string;
			title: string;
			payload: { sessionId: string };
		}[]
	>`
		select recipient_id, method::text, type::text, title, payload
		from public.session_notifications where session_id = ${sessionId}`;
};

describe('a successful booking', () => {
	it('creates a SCHEDULED session, debits the price and records it in the ledger and history', async () => {
		const { coachId, parentId, studentId, startsAt, request } = await setup(5);
		const result = await bookSession(sql, parentId, {
			...request,
			durationMinutes: 90,
			credits: 2
		});
		const { session } = result;
		expect(result).toMatchObject({ balance: 3, replayed: false });
		expect(session).toMatchObject({
			status: 'SCHEDULED',
			coach_id: coachId,
			student_id: studentId,
			booked_by: parentId,
			parent_id: parentId,
			duration_minutes: 90,
			credits_used: 2,
			meeting_url: `https://meet.jit.si/nexus-${session.id}`
		});
		expect(new Date(session.starts_at)).toEqual(startsAt);
		expect(new Date(session.ends_at).getTime() - startsAt.getTime()).toBe(90 * 60_000);
		expect(await balanceOf(sql, studentId)).toBe(3);
		const ledger = await sql`select kind::text, amount, balance_after, created_by
			from public.credit_transactions where session_id = ${session.id}`;
		expect(ledger).toEqual([{ kind: 'DEBIT', amount: -2, balance_after: 3, created_by: parentId }]);
		const history = await sql`select from_status, to_status::text, changed_by
			from public.session_status_history where session_id = ${session.id}`;
		expect(history).toEqual([{ from_status: null, to_status: 'SCHEDULED', changed_by: parentId }]);
	});

	it('notifies the coach by email, every assistant and the student in-app, and the other parents by email', async () => {
		const { coachId, parentId, studentId, request } = await setup();
		const otherParent = await makeUser(sql, 'parent');
		await sql`insert into public.parent_students (parent_id, student_id) values (${otherParent}, ${studentId})`;
		const { session } = await bookSession(sql, parentId, request);
		const sent = await notificationsOf(session.id);
		const to = (id: string) => sent.filter((n) => n.recipient_id === id).map((n) => n.method);
		expect(to(coachId).sort()).toEqual(['EMAIL', 'IN_APP']);
		expect(to(studentId)).toEqual(['IN_APP']);
		expect(to(otherParent)).toEqual(['EMAIL']);
		expect(to(parentId)).toEqual([]);
		expect(to(DEMO.assistant)).toEqual(['IN_APP']);
		expect(to(DEMO.admin)).toEqual([]);
		expect(sent.every((n) => n.type === 'SESSION_BOOKED')).toBe(true);
		expect(sent.every((n) => n.payload.sessionId === session.id)).toBe(true);
		expect(sent[0]!.title).toBe('Nouvelle séance réservée');
	});

	it('schedules the three reminders 24 h, 2 h and 30 min before the start', async () => {
		const { parentId, startsAt, request } = await setup();
		const { session } = await bookSession(sql, parentId, request);
		const reminders = await sql<{ type: string; due_at: Date; status: string }[]>`
			select reminder_type::text as type, due_at, status::text from public.session_reminders
			where session_id = ${session.id} order by due_at`;
		const before = (minutes: number) => new Date(startsAt.getTime() - minutes * 60_000);
		expect(reminders).toEqual([
			{ type: 'ONE_DAY_BEFORE', due_at: before(24 * 60), status: 'PENDING' },
			{ type: 'TWO_HOURS_BEFORE', due_at: before(120), status: 'PENDING' },
			{ type: 'THIRTY_MINUTES_BEFORE', due_at: before(30), status: 'PENDING' }
		]);
	});

	it('stores a reminder that is already due at booking time as cancelled', async () => {
		// A coach open around the clock, so a start 4 to 5 hours from now is always bookable.
		const coachId = await makeCoach(sql, {
			weekly: [0, 1, 2, 3, 4, 5, 6].map((d) => ({ dayOfWeek: d, start: '00:00', end: '24:00' }))
		});
		const { parentId, studentIds } = await makeFamily(sql, { credits: 1 });
		const [row] = await sql<{ at: Date }[]>`
			select date_trunc('hour', now()) + interval '4 hours' as at`;
		const { session } = await bookSession(sql, parentId, {
			coachId,
			studentId: studentIds[0]!,
			startsAt: row!.at,
			durationMinutes: 30
		});
		const reminders = await sql`select reminder_type::text as type, status::text, last_error
			from public.session_reminders where session_id = ${session.id} order by due_at`;
		expect(reminders).toEqual([
			{ type: 'ONE_DAY_BEFORE', status: 'CANCELLED', last_error: 'due before booking' },
			{ type: 'TWO_HOURS_BEFORE', status: 'PENDING', last_error: null },
			{ type: 'THIRTY_MINUTES_BEFORE', status: 'PENDING', last_error: null }
		]);
	});

	it('gives an in-person session no meeting link', async () => {
		const { parentId, request } = await setup();
		const { session } = await bookSession(sql, parentId, { ...request, modality: 'IN_PERSON' });
		expect(session.meeting_url).toBeNull();
	});

	it("announces the booking to staff, the coach, the family and the coach's slots", async () => {
		const { coachId, parentId, studentId, request } = await setup();
		const { session } = await bookSession(sql, parentId, request);
		const heard = await sql<{ topic: string; event: string; payload: Record<string, unknown> }[]>`
			select topic, event, payload from realtime.messages
			where payload ->> 'sessionId' = ${session.id}
			   or (topic = ${'slots:' + coachId} and event = 'slots')
			order by topic`;
		expect(heard.map((m) => m.topic).sort()).toEqual(
			[
				'staff:sessions',
				`coach:${coachId}`,
				`user:${studentId}`,
				`user:${parentId}`,
				`slots:${coachId}`
			].sort()
		);
		for (const m of heard.filter((m) => m.event === 'session'))
			expect(m.payload).toMatchObject({ change: 'booked', status: 'SCHEDULED', coachId });
		// The slots topic is heard by any family: times only, no session, no person.
		const slots = heard.find((m) => m.event === 'slots')!;
		expect(Object.keys(slots.payload).sort()).toEqual(['coachId', 'endsAt', 'startsAt']);
	});
});

describe('who may book for whom', () => {
	it('a student books for themself; their parent is recorded and emailed', async () => {
		const { parentId, studentId, request } = await setup();
		const { session } = await bookSession(sql, studentId, request);
		expect(session).toMatchObject({ booked_by: studentId, parent_id: parentId });
		const sent = await notificationsOf(session.id);
		expect(sent.filter((n) => n.recipient_id === parentId).map((n) => n.method)).toEqual(['EMAIL']);
		expect(sent.filter((n) => n.recipient_id === studentId).map((n) => n.method)).toEqual([
			'IN_APP'
		]);
	});

	it('an assistant books for any student', async () => {
		const { parentId, request } = await setup();
		const { session } = await bookSession(sql, DEMO.assistant, request);
		expect(session).toMatchObject({ booked_by: DEMO.assistant, parent_id: parentId });
	});

	it("a parent cannot book for another family's child", async () => {
		const { request } = await setup();
		const stranger = await makeUser(sql, 'parent');
		expect(await nbCode(bookSession(sql, stranger, request))).toBe('NB_FORBIDDEN');
	});

	it('a student cannot book for another student, nor a coach for anyone', async () => {
		const { coachId, request } = await setup();
		const { studentIds } = await makeFamily(sql, { credits: 1 });
		expect(await nbCode(bookSession(sql, studentIds[0]!, request))).toBe('NB_FORBIDDEN');
		expect(await nbCode(bookSession(sql, coachId, request))).toBe('NB_FORBIDDEN');
	});

	it('an unknown caller is NB_UNAUTHENTICATED and an unknown student NB_NOT_FOUND', async () => {
		const { request } = await setup();
		// A token of no account names no live session: refused before any RPC runs.
		expect(await nbCode(bookSession(sql, randomUUID(), request))).toBe('NB_SESSION_ENDED');
		// book_session's own guard (a path without the session check, e.g. PostgREST): a
		// signed-in user whose profile is gone.
		const ghost = await makeUser(sql, 'parent');
		await sessionOf(sql, ghost);
		await sql`delete from public.profiles where id = ${ghost}`;
		expect(await nbCode(bookSession(sql, ghost, request))).toBe('NB_UNAUTHENTICATED');
		const unknown = { ...request, studentId: randomUUID() };
		expect(await nbCode(bookSession(sql, DEMO.assistant, unknown))).toBe('NB_NOT_FOUND');
	});
});

describe('idempotency', () => {
	it('replays a retried request instead of booking twice', async () => {
		const { parentId, studentId, request } = await setup(5);
		const retry = { ...request, idempotencyKey: `key-${randomUUID()}` };
		const first = await bookSession(sql, parentId, retry);
		const second = await bookSession(sql, parentId, retry);
		expect(second).toEqual({ ...first, replayed: true });
		expect(await balanceOf(sql, studentId)).toBe(4);
		const sessions =
			await sql`select id from public.session_bookings where student_id = ${studentId}`;
		expect(sessions).toHaveLength(1);
	});

	it('refuses the same key with another body (NB_IDEMPOTENCY_KEY_REUSED), booking nothing more', async () => {
		const { parentId, studentId, request } = await setup(5);
		const key = `key-${randomUUID()}`;
		const first = await bookSession(sql, parentId, { ...request, idempotencyKey: key });
		const otherSlot = { ...request, startsAt: await parisAt(sql, 4, '10:00') };
		for (const changed of [
			otherSlot,
			{ ...request, title: 'Autre chose' },
			{ ...request, durationMinutes: 120, credits: 2 }
		]) {
			expect(await nbCode(bookSession(sql, parentId, { ...changed, idempotencyKey: key }))).toBe(
				'NB_IDEMPOTENCY_KEY_REUSED'
			);
		}
		// The same body (title spacing aside) is still a replay.
		const again = { ...request, title: '  Fonctions affines ', idempotencyKey: key };
		expect((await bookSession(sql, parentId, again)).session.id).toBe(first.session.id);
		expect(await balanceOf(sql, studentId)).toBe(4);
	});

	it('rejects a key shorter than 8 characters', async () => {
		const { parentId, request } = await setup();
		expect(await nbCode(bookSession(sql, parentId, { ...request, idempotencyKey: 'short' }))).toBe(
			'NB_VALIDATION'
		);
	});
});

describe('the rules, each with its code', () => {
	it('refuses an unknown coach or someone who is not a coach (NB_NOT_FOUND)', async () => {
		const { parentId, request } = await setup();
		for (const coachId of [randomUUID(), parentId]) {
			expect(await nbCode(bookSession(sql, parentId, { ...request, coachId }))).toBe(
				'NB_NOT_FOUND'
			);
		}
	});

	it('refuses a subject the coach does not teach (NB_COACH_NOT_QUALIFIED)', async () => {
		const { parentId, request } = await setup();
		expect(await nbCode(bookSession(sql, parentId, { ...request, subject: 'ANGLAIS' }))).toBe(
			'NB_COACH_NOT_QUALIFIED'
		);
	});

	it.each([0, 20, 45, 270])('refuses a duration of %i minutes (NB_VALIDATION)', async (minutes) => {
		const { parentId, request } = await setup();
		const attempt = { ...request, durationMinutes: minutes, credits: 1 };
		expect(await nbCode(bookSession(sql, parentId, attempt))).toBe('NB_VALIDATION');
	});

	it('refuses a start in the past or within the minimum notice (NB_IN_THE_PAST)', async () => {
		const { parentId, request } = await setup();
		for (const minutes of [-60, 60, 110]) {
			const startsAt = new Date(Date.now() + minutes * 60_000);
			expect(await nbCode(bookSession(sql, parentId, { ...request, startsAt }))).toBe(
				'NB_IN_THE_PAST'
			);
		}
	});

	it('refuses a start beyond the booking horizon or outside availability (NB_OUTSIDE_AVAILABILITY)', async () => {
		const { parentId, request } = await setup();
		for (const startsAt of [await parisAt(sql, 100, '10:00'), await parisAt(sql, 3, '19:30')]) {
			expect(await nbCode(bookSession(sql, parentId, { ...request, startsAt }))).toBe(
				'NB_OUTSIDE_AVAILABILITY'
			);
		}
	});

	it("refuses a start off the 30-minute grid of the coach's clock, inside availability (NB_OUTSIDE_AVAILABILITY)", async () => {
		const { parentId, studentId, request } = await setup();
		for (const time of ['10:15', '10:01', '17:45:30']) {
			const startsAt = await parisAt(sql, 3, time);
			expect(await nbCode(bookSession(sql, parentId, { ...request, startsAt }))).toBe(
				'NB_OUTSIDE_AVAILABILITY'
			);
		}
		expect(await balanceOf(sql, studentId)).toBe(5);
		const onGrid = { ...request, startsAt: await parisAt(sql, 3, '10:30') };
		expect((await bookSession(sql, parentId, onGrid)).session.status).toBe('SCHEDULED');
	});

	it('refuses a price other than the one charged (NB_PRICE_MISMATCH)', async () => {
		const { parentId, request } = await setup();
		expect(await nbCode(bookSession(sql, parentId, { ...request, credits: 2 }))).toBe(
			'NB_PRICE_MISMATCH'
		);
		expect(await nbCode(bookSession(sql, parentId, { ...request, credits: 0 }))).toBe(
			'NB_PRICE_MISMATCH'
		);
	});

	it('charges a group seat half price, rounded up per started 2 hours, once a group runs', async () => {
		const { parentId, request } = await setup();
		// Alone, a group seat is a private session: the individual price (group-seats.test.ts).
		const opener = { ...request, type: 'GROUP' as const, durationMinutes: 120, credits: 2 };
		expect((await bookSession(sql, parentId, opener)).session.credits_used).toBe(2);
		const prices = await sql<{ type: string; d: number; price: number }[]>`
			select t::text as type, d, public.session_price(t, d) as price
			from unnest(array['INDIVIDUAL', 'GROUP']::public.session_type[]) t,
				unnest(array[30, 60, 90, 120, 150, 240]) d order by t, d`;
		expect(prices.map((p) => `${p.type} ${p.d}: ${p.price}`)).toEqual([
			'INDIVIDUAL 30: 1',
			'INDIVIDUAL 60: 1',
			'INDIVIDUAL 90: 2',
			'INDIVIDUAL 120: 2',
			'INDIVIDUAL 150: 3',
			'INDIVIDUAL 240: 4',
			'GROUP 30: 1',
			'GROUP 60: 1',
			'GROUP 90: 1',
			'GROUP 120: 1',
			'GROUP 150: 2',
			'GROUP 240: 2'
		]);
	});

	it('refuses a booking the balance cannot pay (NB_INSUFFICIENT_CREDITS) and writes nothing', async () => {
		const { parentId, studentId, request } = await setup(1);
		const attempt = { ...request, durationMinutes: 120, credits: 2 };
		expect(await nbCode(bookSession(sql, parentId, attempt))).toBe('NB_INSUFFICIENT_CREDITS');
		expect(await balanceOf(sql, studentId)).toBe(1);
		expect(
			await sql`select 1 from public.session_bookings where student_id = ${studentId}`
		).toHaveLength(0);
	});

	it('refuses a slot overlapping another session of the coach (NB_SLOT_TAKEN); back-to-back is fine', async () => {
		const { coachId, parentId, request } = await setup();
		await bookSession(sql, parentId, request);
		const other = await makeFamily(sql, { credits: 5 });
		const rival = { coachId, studentId: other.studentIds[0]! };
		for (const time of ['10:00', '10:30', '09:30']) {
			const startsAt = await parisAt(sql, 3, time);
			expect(await nbCode(bookSession(sql, other.parentId, { ...rival, startsAt }))).toBe(
				'NB_SLOT_TAKEN'
			);
		}
		const next = await bookSession(sql, other.parentId, {
			...rival,
			startsAt: await parisAt(sql, 3, '11:00')
		});
		expect(next.balance).toBe(4);
		expect(await balanceOf(sql, other.studentIds[0]!)).toBe(4);
	});

	it('refuses a slot overlapping another session of the student (NB_STUDENT_BUSY)', async () => {
		const { parentId, request } = await setup();
		await bookSession(sql, parentId, request);
		const otherCoach = await makeCoach(sql);
		const attempt = { ...request, coachId: otherCoach, startsAt: await parisAt(sql, 3, '10:30') };
		expect(await nbCode(bookSession(sql, parentId, attempt))).toBe('NB_STUDENT_BUSY');
	});
});
