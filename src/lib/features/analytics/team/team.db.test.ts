/**
 * Every team figure (the SQL functions of 20261207100100_team_analytics.sql) against a week
 * computed by hand: Monday 23 to Sunday 29 March 2020 in Paris, whose Sunday is the spring
 * daylight-saving change. The database is this file's own (a copy of the seeded template,
 * sessions and availability removed), so team-wide totals are exactly the fixture's.
 *
 * The week (coach A: Mon 09:00–12:00 minus 11:00–11:30, Wed 14:00–18:00 but Wed 25 off,
 * Sat 28 10:00–11:00 extra, Sun 01:00–04:00 and 10:00–12:00; coach B: no availability):
 *   s1 A·S1 maths  Mon 09:00  completed, 5★ « Top »            booked Fri 20
 *   s2 A·S2 maths  Mon 10:00  cancelled by the family, refunded booked Mon 07:00
 *   s3 A·S2 maths  Mon 10:00  the same slot booked again: completed, 3★   Mon 07:30
 *   s4 A·S3 phys.  Sun 10:00 (CEST) completed, not rated        booked Tue 12:00
 *   s5 A·S3 maths  Sun 00:30 (CET: Sat 23:30 UTC) no-show by A  booked Mon 08:00
 *   s6 B·S3 fr.    Wed 15:00  cancelled by the coach, refunded booked Tue 09:00
 *   s7 B·S1 fr.    Thu 17:00  completed, 4★ « Bien », 2 credits booked Wed 10:00
 *   s8 A·S1 maths  Fri 10 April (after the week) completed     booked Fri 27
 *   s9 A·S3 maths  Tue 10:00  cancelled by staff, no refund     booked Mon 09:00
 */
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { availableMinutes } from '$lib/features/analytics/utilisation';
import type { AvailabilityRule } from '$lib/features/availability/types';
import { actAs, failure, makeCoach, makeFamily } from '../../../../../tests/support/db';
import { DEMO } from '../../../../../tests/support/demo';
import { privateDatabase } from '../../../../../tests/support/test-database';
import {
	bookSession,
	parisAt,
	reschedule,
	transition
} from '../../../../../supabase/tests/support/booking';
import * as team from './team.server';
import type { Tx } from '$lib/server/db';
import type { TeamFilters } from './types';

const ZONE = 'Europe/Paris';
const WEEK: TeamFilters = { from: '2020-03-23', to: '2020-03-29', coachId: null, subject: null };

let db: Awaited<ReturnType<typeof privateDatabase>>;
let sql: Sql;
let A: string;
let B: string;
const P: string[] = [];
const S: string[] = [];
const ids: Record<string, string> = {};

const RULES_A: AvailabilityRule[] = [
	{
		isRecurring: true,
		dayOfWeek: 1,
		specificDate: null,
		startTime: '09:00',
		endTime: '12:00',
		isAvailable: true
	},
	{
		isRecurring: true,
		dayOfWeek: 1,
		specificDate: null,
		startTime: '11:00',
		endTime: '11:30',
		isAvailable: false
	},
	{
		isRecurring: true,
		dayOfWeek: 3,
		specificDate: null,
		startTime: '14:00',
		endTime: '18:00',
		isAvailable: true
	},
	{
		isRecurring: true,
		dayOfWeek: 0,
		specificDate: null,
		startTime: '01:00',
		endTime: '04:00',
		isAvailable: true
	},
	{
		isRecurring: true,
		dayOfWeek: 0,
		specificDate: null,
		startTime: '10:00',
		endTime: '12:00',
		isAvailable: true
	},
	{
		isRecurring: false,
		dayOfWeek: null,
		specificDate: '2020-03-25',
		startTime: '00:00',
		endTime: '24:00',
		isAvailable: false
	},
	{
		isRecurring: false,
		dayOfWeek: null,
		specificDate: '2020-03-28',
		startTime: '10:00',
		endTime: '11:00',
		isAvailable: true
	}
];

/** A session as the RPCs would have left it; times are Paris wall clock. */
async function session(
	name: string,
	s: {
		coach: string;
		student: number;
		subject?: string;
		start: string;
		status: string;
		created: string;
		credits?: number;
		rating?: number;
		feedback?: string;
		ratedAt?: string;
		cancelledBy?: string;
	}
) {
	const [row] = await sql<{ id: string }[]>`
		insert into public.session_bookings (student_id, coach_id, parent_id, booked_by, subject_code,
			title, starts_at, ends_at, duration_minutes, status, credits_used, rating, feedback,
			rated_at, rated_by, meeting_url, cancelled_by, cancelled_at, created_at)
		values (${S[s.student]!}, ${s.coach}, ${P[s.student]!}, ${P[s.student]!},
			${s.subject ?? 'MATHEMATIQUES'}, ${name},
			${s.start}::timestamp at time zone ${ZONE},
			(${s.start}::timestamp at time zone ${ZONE}) + interval '1 hour', 60,
			${s.status}::public.session_status, ${s.credits ?? 1}, ${s.rating ?? null},
			${s.feedback ?? null}, ${s.ratedAt ?? null}::timestamp at time zone ${ZONE},
			${s.rating ? P[s.student]! : null}, 'https://meet.jit.si/fixture',
			${s.cancelledBy ?? null}, ${s.cancelledBy ? s.created : null}::timestamp at time zone ${ZONE},
			${s.created}::timestamp at time zone ${ZONE})
		returning id`;
	ids[name] = row!.id;
}

async function refund(name: string, student: number) {
	await sql`insert into public.credit_transactions (student_id, kind, amount, balance_after, session_id, reason)
		values (${S[student]!}, 'REFUND', 1, 1, ${ids[name]!}, 'fixture')`;
}

async function event(user: string, kind: string, at: string, coach?: string, subject?: string) {
	await sql`insert into public.usage_events (user_id, kind, coach_id, subject_code, occurred_at)
		values (${user}, ${kind}::public.usage_event_kind, ${coach ?? null}, ${subject ?? null},
			${at}::timestamp at time zone ${ZONE})`;
}

beforeAll(async () => {
	db = await privateDatabase(inject('databaseUrl'));
	sql = postgres(db.url, { max: 2, onnotice: () => {} });
	await sql`truncate public.session_bookings cascade`;
	await sql`delete from public.coach_availability`;
	A = await makeCoach(sql, { weekly: [] });
	B = await makeCoach(sql, { weekly: [], subjects: ['FRANCAIS'] });
	for (const rule of RULES_A) {
		await sql`insert into public.coach_availability
			(coach_id, is_recurring, day_of_week, specific_date, start_time, end_time, is_available)
			values (${A}, ${rule.isRecurring}, ${rule.dayOfWeek}, ${rule.specificDate}, ${rule.startTime},
				${rule.endTime}, ${rule.isAvailable})`;
	}
	for (let i = 0; i < 3; i++) {
		const family = await makeFamily(sql);
		P.push(family.parentId);
		S.push(family.studentIds[0]!);
	}
	await session('s1', {
		coach: A,
		student: 0,
		start: '2020-03-23 09:00',
		status: 'COMPLETED',
		created: '2020-03-20 10:00',
		rating: 5,
		feedback: 'Top',
		ratedAt: '2020-03-23 12:00'
	});
	await session('s2', {
		coach: A,
		student: 1,
		start: '2020-03-23 10:00',
		status: 'CANCELLED',
		created: '2020-03-23 07:00',
		cancelledBy: P[1]
	});
	await refund('s2', 1);
	await session('s3', {
		coach: A,
		student: 1,
		start: '2020-03-23 10:00',
		status: 'COMPLETED',
		created: '2020-03-23 07:30',
		rating: 3,
		ratedAt: '2020-03-23 13:00'
	});
	await session('s4', {
		coach: A,
		student: 2,
		subject: 'PHYSIQUE_CHIMIE',
		start: '2020-03-29 10:00',
		status: 'COMPLETED',
		created: '2020-03-24 12:00'
	});
	await session('s5', {
		coach: A,
		student: 2,
		start: '2020-03-29 00:30',
		status: 'NO_SHOW',
		created: '2020-03-23 08:00'
	});
	await sql`insert into public.session_status_history (session_id, from_status, to_status, changed_by)
		values (${ids.s5!}, 'CONFIRMED', 'NO_SHOW', ${A})`;
	await session('s6', {
		coach: B,
		student: 2,
		subject: 'FRANCAIS',
		start: '2020-03-25 15:00',
		status: 'CANCELLED',
		created: '2020-03-24 09:00',
		cancelledBy: B
	});
	await refund('s6', 2);
	await session('s7', {
		coach: B,
		student: 0,
		subject: 'FRANCAIS',
		start: '2020-03-26 17:00',
		status: 'COMPLETED',
		created: '2020-03-25 10:00',
		credits: 2,
		rating: 4,
		feedback: 'Bien',
		ratedAt: '2020-03-26 20:00'
	});
	await session('s8', {
		coach: A,
		student: 0,
		start: '2020-04-10 10:00',
		status: 'COMPLETED',
		created: '2020-03-27 10:00'
	});
	await session('s9', {
		coach: A,
		student: 2,
		start: '2020-03-24 10:00',
		status: 'CANCELLED',
		created: '2020-03-23 09:00',
		cancelledBy: DEMO.admin
	});

	// The funnel: P1 goes all the way; P2 stops after choosing B; P3 started the week before
	// (so counts nowhere); S1 starts on Sunday 23:30 (in the week, after the change) and
	// again on Monday 00:10 (the next week).
	await event(P[0]!, 'WIZARD_STARTED', '2020-03-23 18:00');
	await event(P[0]!, 'COACH_CHOSEN', '2020-03-23 18:01', A, 'MATHEMATIQUES');
	await event(P[0]!, 'SLOT_CHOSEN', '2020-03-23 18:02', A, 'MATHEMATIQUES');
	await event(P[0]!, 'BOOKED', '2020-03-23 18:03', A, 'MATHEMATIQUES');
	await event(P[1]!, 'WIZARD_STARTED', '2020-03-24 18:00');
	await event(P[1]!, 'COACH_CHOSEN', '2020-03-24 18:01', B, 'FRANCAIS');
	await event(P[2]!, 'WIZARD_STARTED', '2020-03-22 23:00');
	await event(P[2]!, 'COACH_CHOSEN', '2020-03-23 09:00', A, 'MATHEMATIQUES');
	await event(P[2]!, 'SLOT_CHOSEN', '2020-03-23 09:01', A, 'MATHEMATIQUES');
	await event(P[2]!, 'BOOKED', '2020-03-23 09:02', A, 'MATHEMATIQUES');
	await event(S[0]!, 'WIZARD_STARTED', '2020-03-29 23:30');
	await event(S[0]!, 'WIZARD_STARTED', '2020-03-30 00:10');
	// Adoption: B used a bulk tool; P3 moved s4 themself; P1 allowed push; S1 reads English.
	await event(B, 'AVAILABILITY_BULK', '2020-03-24 08:00');
	await sql`insert into public.session_status_history (session_id, from_status, to_status, changed_by, notes, created_at)
		values (${ids.s4!}, 'SCHEDULED', 'SCHEDULED', ${P[2]!}, 'rescheduled from 2020-03-28T09:00Z',
			'2020-03-24 15:00'::timestamp at time zone ${ZONE})`;
	await sql`insert into public.push_subscriptions (user_id, endpoint, p256dh, auth)
		values (${P[0]!}, 'https://push.example.test/fixture', 'k', 'a')`;
	await sql`update public.profiles set locale = 'en' where id = ${S[0]!}`;
}, 60_000);

afterAll(async () => {
	await sql?.end({ timeout: 5 });
	await db?.drop();
});

const asStaff = <T>(
	fn: (tx: Parameters<Parameters<ReturnType<typeof actAs>>[0]>[0]) => Promise<T>
) => actAs(sql, DEMO.assistant)(fn);

describe('team analytics ≡ the week computed by hand', () => {
	it('counts bookings by the day they were made and sessions by the day they take place (Paris days, DST included)', async () => {
		const days = await asStaff((tx) => team.bookingsPerDay(tx, WEEK, ZONE));
		expect(days).toEqual([
			{ day: '2020-03-23', booked: 4, held: 2 },
			{ day: '2020-03-24', booked: 2, held: 0 },
			{ day: '2020-03-25', booked: 1, held: 0 },
			{ day: '2020-03-26', booked: 0, held: 1 },
			{ day: '2020-03-27', booked: 1, held: 0 },
			{ day: '2020-03-28', booked: 0, held: 0 },
			// s5 starts Saturday 23:30 UTC: Sunday in Paris.
			{ day: '2020-03-29', booked: 0, held: 2 }
		]);
	});

	it('follows families through the funnel, each step requiring the earlier ones in the period', async () => {
		const steps = await asStaff((tx) => team.funnel(tx, WEEK, ZONE));
		expect(steps).toEqual([
			{ step: 'WIZARD_STARTED', families: 3 },
			{ step: 'COACH_CHOSEN', families: 2 },
			{ step: 'SLOT_CHOSEN', families: 1 },
			{ step: 'BOOKED', families: 1 }
		]);
		const forA = await asStaff((tx) => team.funnel(tx, { ...WEEK, coachId: A }, ZONE));
		expect(forA.map((s) => s.families)).toEqual([3, 1, 1, 1]);
	});

	it('divides booked by open hours with the slot engine’s day rule; a coach without availability has no rate', async () => {
		// The TypeScript day rule (utilisation.ts, the coach's own month) agrees on the open minutes.
		expect(availableMinutes(RULES_A, { start: WEEK.from, end: WEEK.to })).toBe(510);
		const rows = await asStaff((tx) => team.utilisation(tx, WEEK, ZONE));
		const overall = rows.find((r) => r.coachId === null);
		expect(rows.find((r) => r.coachId === A)).toMatchObject({
			openHours: 8.5,
			bookedHours: 4,
			utilisation: 47.1
		});
		expect(rows.find((r) => r.coachId === B)).toMatchObject({
			openHours: 0,
			bookedHours: 1,
			utilisation: null
		});
		// The demo coaches (no availability left, no session) count zero on both sides.
		expect(overall).toMatchObject({ openHours: 8.5, bookedHours: 5, utilisation: 58.8 });
	});

	it('measures engagement: sessions per active student, booking again within 30 days (a cancelled booking counts for nothing), cohorts', async () => {
		expect(await asStaff((tx) => team.engagement(tx, WEEK, ZONE))).toEqual([
			{ month: '2020-03', activeStudents: 3, sessions: 5, perStudent: 1.67 }
		]);
		// S2 cancelled and rebooked the same slot, and booked nothing else: not "again".
		expect(await asStaff((tx) => team.rebooking(tx, WEEK, ZONE))).toEqual({
			students: 3,
			rebooked: 2,
			share: 66.7
		});
		const spring = { ...WEEK, from: '2020-03-01', to: '2020-04-30' };
		expect(await asStaff((tx) => team.cohorts(tx, spring, ZONE))).toEqual([
			{ cohort: '2020-03', size: 3, active: [3, 1] }
		]);
	});

	it('values credits at the policy’s price, refunds subtracted, per subject and per coach', async () => {
		const rows = await asStaff((tx) => team.revenue(tx, WEEK, ZONE));
		const pick = (dimension: string, key: string | null) =>
			rows.find((r) => r.dimension === dimension && r.key === key);
		expect(pick('all', null)).toMatchObject({
			chargedSessions: 6,
			creditsUsed: 9,
			creditsRefunded: 2,
			netCents: 21000,
			centsPerSession: 3500
		});
		expect(pick('coach', A)).toMatchObject({
			chargedSessions: 5,
			creditsUsed: 6,
			creditsRefunded: 1,
			netCents: 15000,
			centsPerSession: 3000
		});
		expect(pick('coach', B)).toMatchObject({
			chargedSessions: 1,
			creditsUsed: 3,
			creditsRefunded: 1,
			netCents: 6000,
			centsPerSession: 6000
		});
		expect(pick('subject', 'MATHEMATIQUES')).toMatchObject({
			chargedSessions: 4,
			netCents: 12000,
			label: 'Mathématiques'
		});
		expect(pick('subject', 'PHYSIQUE_CHIMIE')).toMatchObject({
			chargedSessions: 1,
			netCents: 3000
		});
		expect(pick('subject', 'FRANCAIS')).toMatchObject({ chargedSessions: 1, netCents: 6000 });
		// The price is the policy's: change it and every figure follows.
		await sql`update public.app_settings set value = '2500' where key = 'credit_price_cents'`;
		try {
			const cheaper = await asStaff((tx) => team.revenue(tx, WEEK, ZONE));
			expect(cheaper.find((r) => r.dimension === 'all')?.netCents).toBe(17500);
		} finally {
			await sql`update public.app_settings set value = '3000' where key = 'credit_price_cents'`;
		}
	});

	it('splits cancellations and no-shows by whom and refund, out of every session of the period', async () => {
		expect(await asStaff((tx) => team.losses(tx, WEEK, ZONE))).toEqual({
			total: 8,
			rows: [
				{ outcome: 'CANCELLED', byWhom: 'coach', refunded: true, sessions: 1 },
				{ outcome: 'CANCELLED', byWhom: 'family', refunded: true, sessions: 1 },
				{ outcome: 'CANCELLED', byWhom: 'staff', refunded: false, sessions: 1 },
				{ outcome: 'NO_SHOW', byWhom: 'coach', refunded: false, sessions: 1 }
			]
		});
		const none = await asStaff((tx) =>
			team.losses(tx, { ...WEEK, from: '2020-04-01', to: '2020-04-30' }, ZONE)
		);
		expect(none).toEqual({ total: 1, rows: [] });
	});

	it('rates coaches: average, stars, response rate to the rating request, latest feedback', async () => {
		const rows = await asStaff((tx) => team.ratings(tx, WEEK, ZONE));
		expect(rows[0]).toEqual({
			coachId: null,
			coachName: null,
			completed: 4,
			rated: 3,
			responseRate: 75,
			average: 4,
			stars: [0, 0, 1, 1, 1]
		});
		expect(rows.find((r) => r.coachId === A)).toMatchObject({
			completed: 3,
			rated: 2,
			responseRate: 66.7,
			average: 4,
			stars: [0, 0, 1, 0, 1]
		});
		expect(rows.find((r) => r.coachId === B)).toMatchObject({
			completed: 1,
			rated: 1,
			responseRate: 100,
			average: 4,
			stars: [0, 0, 0, 1, 0]
		});
		const feedback = await asStaff((tx) => team.latestFeedback(tx, WEEK, ZONE));
		expect(feedback.map((f) => [f.feedback, f.rating])).toEqual([
			['Bien', 4],
			['Top', 5]
		]);
	});

	it('measures adoption among coaches and the active families', async () => {
		const [row] = await sql<{ coaches: number }[]>`
			select count(*)::int as coaches from public.profiles where role = 'coach'`;
		const coaches = row!.coaches;
		expect(await asStaff((tx) => team.adoption(tx, WEEK, ZONE))).toEqual([
			{ feature: 'DATE_OVERRIDES', users: 1, population: coaches },
			{ feature: 'BULK_TOOLS', users: 1, population: coaches },
			{ feature: 'RESCHEDULE', users: 1, population: 6 },
			{ feature: 'PUSH', users: 1, population: 6 },
			{ feature: 'ENGLISH', users: 1, population: 6 }
		]);
	});

	it('narrows every figure to one coach or one subject', async () => {
		const forB = { ...WEEK, coachId: B };
		expect(await asStaff((tx) => team.losses(tx, forB, ZONE))).toEqual({
			total: 2,
			rows: [{ outcome: 'CANCELLED', byWhom: 'coach', refunded: true, sessions: 1 }]
		});
		const physics = { ...WEEK, subject: 'PHYSIQUE_CHIMIE' };
		const days = await asStaff((tx) => team.bookingsPerDay(tx, physics, ZONE));
		expect(days.reduce((n, d) => n + d.held, 0)).toBe(1);
		// Only coaches qualified for the subject; A is not qualified for physics (s4 was forced).
		const utilisation = await asStaff((tx) => team.utilisation(tx, physics, ZONE));
		expect(utilisation.find((r) => r.coachId === A)).toBeUndefined();
	});
});

describe('the daily rollup', () => {
	it('gives what the sessions give: the team zone reads the rollup, another zone (same clock in 2020) the sessions', async () => {
		const figures: ((tx: Tx, f: TeamFilters, zone: string) => Promise<unknown>)[] = [
			team.bookingsPerDay,
			team.revenue,
			team.losses,
			team.ratings
		];
		for (const figure of figures) {
			for (const filters of [WEEK, { ...WEEK, coachId: B }, { ...WEEK, subject: 'FRANCAIS' }]) {
				const rollup = await asStaff((tx) => figure(tx, filters, ZONE));
				const sessions = await asStaff((tx) => figure(tx, filters, 'Europe/Brussels'));
				expect(rollup).toEqual(sessions);
			}
		}
	});

	it('gives what the rows give for the distinct counts: whole months from the monthly rollups, the partial ends from the rows', async () => {
		const figures: ((tx: Tx, f: TeamFilters, zone: string) => Promise<unknown>)[] = [
			team.funnel,
			team.engagement,
			team.cohorts,
			team.adoption
		];
		// No whole month; exactly one; one with both ends partial; whole April after a partial March.
		const periods = [
			WEEK,
			{ ...WEEK, from: '2020-03-01', to: '2020-03-31' },
			{ ...WEEK, from: '2020-02-10', to: '2020-04-20' },
			{ ...WEEK, from: '2020-03-15', to: '2020-04-30' }
		];
		for (const figure of figures) {
			for (const period of periods) {
				for (const filters of [
					period,
					{ ...period, coachId: A },
					{ ...period, subject: 'FRANCAIS' }
				]) {
					const rollup = await asStaff((tx) => figure(tx, filters, ZONE));
					const rows = await asStaff((tx) => figure(tx, filters, 'Europe/Brussels'));
					expect(rollup).toEqual(rows);
				}
			}
		}
	});

	it('counts March as a whole month by hand, from the rollups', async () => {
		const march = { ...WEEK, from: '2020-03-01', to: '2020-03-31' };
		// P3's start on Sunday 22 is in March; S1's two starts are one family.
		expect(await asStaff((tx) => team.funnel(tx, march, ZONE))).toEqual([
			{ step: 'WIZARD_STARTED', families: 4 },
			{ step: 'COACH_CHOSEN', families: 3 },
			{ step: 'SLOT_CHOSEN', families: 2 },
			{ step: 'BOOKED', families: 2 }
		]);
		// s1, s3, s4, s5 (Sunday 00:30 CET), s7: three students; s8 is in April.
		expect(await asStaff((tx) => team.engagement(tx, march, ZONE))).toEqual([
			{ month: '2020-03', activeStudents: 3, sessions: 5, perStudent: 1.67 }
		]);
		// The rollups really are read: spoil them, and only the team zone's figures move.
		await sql`update private.analytics_student_months set sessions = sessions + 100
			where month = '2020-03-01' and student_id = ${S[0]!} and coach_id = ${A}`;
		await sql`update private.analytics_funnel_months set reached = 15
			where month = '2020-03-01' and user_id = ${S[0]!}`;
		const spoilt = await asStaff((tx) => team.engagement(tx, march, ZONE));
		expect(spoilt[0]?.sessions).toBe(105);
		const funnel = await asStaff((tx) => team.funnel(tx, march, ZONE));
		expect(funnel.at(-1)).toEqual({ step: 'BOOKED', families: 3 });
		const other = await asStaff((tx) => team.engagement(tx, march, 'Europe/Brussels'));
		expect(other[0]?.sessions).toBe(5);
		await sql`select private.rebuild_analytics_months()`;
		expect((await asStaff((tx) => team.engagement(tx, march, ZONE)))[0]?.sessions).toBe(5);
	});

	it('counts the booked hours of a coach in another zone from the sessions, by that zone’s days', async () => {
		const coach = await makeCoach(sql, {
			timeZone: 'Europe/Brussels',
			weekly: [{ dayOfWeek: 2, start: '09:00', end: '11:00' }]
		});
		await session('z1', {
			coach,
			student: 0,
			start: '2020-03-24 09:00',
			status: 'COMPLETED',
			created: '2020-03-20 09:00'
		});
		const rows = await asStaff((tx) => team.utilisation(tx, { ...WEEK, coachId: coach }, ZONE));
		expect(rows[0]).toMatchObject({
			coachId: coach,
			openHours: 2,
			bookedHours: 1,
			utilisation: 50
		});
		await sql`delete from public.session_bookings where id = ${ids.z1!}`;
	});

	it('follows a session through its changes, and a rebuild finds the same rows', async () => {
		const months = async () => ({
			students: await sql`select * from private.analytics_student_months
				order by month, student_id, parent_id, coach_id, subject_code`,
			funnel: await sql`select * from private.analytics_funnel_months
				order by month, user_id, coach_id, subject_code`
		});
		const monthsBefore = await months();
		const before =
			await sql`select * from private.analytics_daily order by day, coach_id, subject_code`;
		// The team zone really reads the rollup: spoil it, and only that zone's figure moves.
		await sql`update private.analytics_daily set made = made + 100 where day = '2020-03-27'`;
		const spoilt = await asStaff((tx) => team.bookingsPerDay(tx, WEEK, ZONE));
		expect(spoilt.find((d) => d.day === '2020-03-27')?.booked).toBe(101);
		const other = await asStaff((tx) => team.bookingsPerDay(tx, WEEK, 'Europe/Brussels'));
		expect(other.find((d) => d.day === '2020-03-27')?.booked).toBe(1);
		await sql`select private.rebuild_analytics_daily()`;
		expect(
			await sql`select * from private.analytics_daily order by day, coach_id, subject_code`
		).toEqual(before);

		// Through the rulebook's own functions: book, cancel with a refund, book again, move.
		const coach = await makeCoach(sql);
		const family = await makeFamily(sql, { credits: 5 });
		const student = family.studentIds[0]!;
		const first = await bookSession(sql, family.parentId, {
			coachId: coach,
			studentId: student,
			startsAt: await parisAt(sql, 5, '10:00')
		});
		const cancelled = await transition(sql, family.parentId, first.session.id, 'CANCELLED');
		expect(cancelled.refunded).toBe(1);
		const second = await bookSession(sql, family.parentId, {
			coachId: coach,
			studentId: student,
			startsAt: await parisAt(sql, 5, '10:00')
		});
		await reschedule(sql, family.parentId, second.session.id, await parisAt(sql, 6, '11:00'));
		await transition(sql, DEMO.assistant, second.session.id, 'CANCELLED', { refund: false });
		const kept =
			await sql`select * from private.analytics_daily order by day, coach_id, subject_code`;
		await sql`select private.rebuild_analytics_daily()`;
		const rebuilt =
			await sql`select * from private.analytics_daily order by day, coach_id, subject_code`;
		expect(rebuilt).toEqual(kept);
		expect(kept.length).toBeGreaterThan(before.length);

		// The monthly rollups followed too; so did the funnel's through events added, moved
		// (a coach's account deleted sets their id to null) and purged.
		await event(family.parentId, 'WIZARD_STARTED', '2020-05-04 18:00');
		await event(family.parentId, 'COACH_CHOSEN', '2020-05-04 18:01', coach, 'MATHEMATIQUES');
		await event(family.parentId, 'SLOT_CHOSEN', '2020-05-31 23:30', coach, 'MATHEMATIQUES');
		await sql`update public.usage_events set coach_id = null
			where user_id = ${family.parentId} and kind = 'COACH_CHOSEN'`;
		await sql`delete from public.usage_events
			where user_id = ${family.parentId} and kind = 'WIZARD_STARTED'`;
		const followed = await months();
		// Both bookings ended cancelled: their student-months came and went, leaving no zero row.
		expect(followed.students).toEqual(monthsBefore.students);
		expect(
			followed.funnel
				.filter((r) => r.user_id === family.parentId)
				.map((r) => r.reached)
				.sort()
		).toEqual([2, 4]);
		await sql`select private.rebuild_analytics_months()`;
		expect(await months()).toEqual(followed);
	});
});

describe('who reads the team analytics', () => {
	it('refuses a family and a coach, in SQL, whatever the route does', async () => {
		for (const user of [P[0]!, S[0]!, A]) {
			const refused = await failure(
				actAs(sql, user)((tx) => team.loadTeamAnalytics(tx, WEEK, ZONE))
			);
			expect(refused.message).toMatch(/^NB_FORBIDDEN/);
			const rows = await actAs(
				sql,
				user
			)((tx) => tx`select count(*)::int as n from public.usage_events`);
			expect(rows[0]?.n).toBe(0);
		}
	});

	it('refuses a period longer than 401 days or an unknown zone', async () => {
		const long = await failure(
			asStaff((tx) => team.funnel(tx, { ...WEEK, from: '2019-01-01' }, ZONE))
		);
		expect(long.message).toMatch(/^NB_VALIDATION/);
		const zone = await failure(asStaff((tx) => team.funnel(tx, WEEK, 'Mars/Olympus')));
		expect(zone.message).toMatch(/^NB_VALIDATION/);
	});
});
