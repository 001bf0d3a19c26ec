/**
 * The embedded engine end to end, on a database of its own: real RPCs write the facts,
 * pg-boss schedules and retries, nodemailer talks SMTP to a real SMTP server, SMS go to a
 * server speaking Twilio's documented contract, push goes over HTTPS and is decrypted as a
 * browser would. No clock is faked: reminder marks are moved to "one second from now".
 */
import ICAL from 'ical.js';
import webpush from 'web-push';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { smtpSender } from '$lib/server/channels/email';
import { webPushSender } from '$lib/server/channels/push';
import { twilioSender } from '$lib/server/channels/sms';
import type { Channels } from '$lib/server/channels/types';
import {
	bookSession,
	parisAt,
	reschedule,
	transition
} from '../../../../supabase/tests/support/booking';
import { actAs, failure, makeCoach, makeFamily } from '../../../../tests/support/db';
import { DEMO } from '../../../../tests/support/demo';
import {
	startCapturingSmtp,
	startPushEndpoint,
	startTwilioContract
} from '../../../../tests/support/notification-peers';
import { privateDatabase } from '../../../../tests/support/test-database';
import { until } from '../../../../tests/support/until';
import { QUEUES, startEngine, type Engine } from './engine.server';
import { resendDelivery, resendWork } from './resend.server';
import { jobId } from './sweep.server';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'twilio-test-token-0123456789';

let db: Awaited<ReturnType<typeof privateDatabase>>;
let sql: Sql;
let smtp: Awaited<ReturnType<typeof startCapturingSmtp>>;
let twilio: Awaited<ReturnType<typeof startTwilioContract>>;
let push: Awaited<ReturnType<typeof startPushEndpoint>>;
let engine: Engine;
/** Addresses the SMTP server refuses, with how many more times and the code. */
const refusals = new Map<string, { times: number; code: number }>();

beforeAll(async () => {
	db = await privateDatabase(inject('databaseUrl'));
	sql = postgres(db.url, { max: 6, onnotice: () => {} });
	smtp = await startCapturingSmtp({
		refuse(raw) {
			for (const [address, rule] of refusals) {
				if (raw.includes(`To: ${address}`) && rule.times > 0) {
					rule.times--;
					return rule.code;
				}
			}
			return null;
		}
	});
	twilio = await startTwilioContract(SID, TOKEN);
	push = await startPushEndpoint();
	const mailer = smtpSender(smtp.url, 'Nexus Sessions <no-reply@nexus-reussite.fr>');
	const channels: Channels = {
		email: (m) => mailer.send(m),
		sms: twilioSender({
			accountSid: SID,
			authToken: TOKEN,
			from: '+33700000000',
			apiBase: twilio.apiBase
		}),
		push: webPushSender(
			{
				publicKey: VAPID.publicKey,
				privateKey: VAPID.privateKey,
				subject: 'mailto:test@nexus-reussite.fr'
			},
			{ agent: push.agent }
		),
		vapidPublicKey: VAPID.publicKey,
		close: async () => mailer.close()
	};
	engine = await startEngine({
		url: db.url,
		sql,
		channels,
		links: { origin: 'https://sessions.example' },
		retryDelaySeconds: 1,
		retryLimit: 4
	});
}, 60_000);

afterAll(async () => {
	await engine?.stop();
	await sql?.end({ timeout: 5 });
	await Promise.all([smtp?.close(), twilio?.close(), push?.close()]);
	await db?.drop();
});

const VAPID = webpush.generateVAPIDKeys();

const emailOf = async (id: string) =>
	(await sql<{ email: string }[]>`select email from public.profiles where id = ${id}`)[0]!.email;

const deliveries = (sessionId: string) =>
	sql<
		{
			id: string;
			recipient_id: string;
			method: string;
			type: string;
			status: string;
			attempts: number;
		}[]
	>`
		select id, recipient_id, method::text, type::text, status::text, attempts
		from public.session_notifications where session_id = ${sessionId} order by created_at`;

async function bookedByStudent(options: { phone?: string; zone?: string } = {}) {
	const coachId = await makeCoach(sql, { timeZone: 'Europe/Paris' });
	const { parentId, studentIds } = await makeFamily(sql, { credits: 6 });
	const studentId = studentIds[0]!;
	if (options.zone)
		await sql`update public.profiles set time_zone = ${options.zone} where id = ${parentId}`;
	if (options.phone)
		await sql`update public.profiles set phone = ${options.phone} where id = ${parentId}`;
	const startsAt = await parisAt(sql, 3, '10:00');
	const { session } = await bookSession(sql, studentId, { coachId, studentId, startsAt });
	return { coachId, parentId, studentId, session, startsAt };
}

/** A session with a new coach whose mail server refuses their address `times` times. */
async function bookedWithRefusingCoach(refusal: { times: number; code: number }) {
	const coachId = await makeCoach(sql);
	const coach = await emailOf(coachId);
	refusals.set(coach, refusal);
	const { parentId, studentIds } = await makeFamily(sql, { credits: 3 });
	const { session } = await bookSession(sql, parentId, {
		coachId,
		studentId: studentIds[0]!,
		startsAt: await parisAt(sql, 3, '10:00')
	});
	return { coachId, coach, parentId, session };
}

/** Until the delivery is SENT. */
const sent = (id: string) =>
	until(
		async () =>
			(await sql`select 1 from public.session_notifications where id = ${id} and status = 'SENT'`)
				.length
	);

/** Move a reminder mark to one second from now and schedule its job, as a booking would. */
async function dueNow(sessionId: string, type: string) {
	const [mark] = await sql<{ id: string; due_at: Date }[]>`
		update public.session_reminders set due_at = date_trunc('milliseconds', now()) + interval '1 second'
		where session_id = ${sessionId} and reminder_type = ${type}::public.reminder_type
		returning id, due_at`;
	await engine.boss.send(
		QUEUES.remind,
		{ id: mark!.id, dueAt: mark!.due_at.toISOString() },
		{ id: jobId(`reminder:${mark!.id}:${mark!.due_at.getTime()}`), startAfter: mark!.due_at }
	);
	return mark!;
}

describe('a booking', () => {
	it('mails the coach and the parent with a calendar invitation, and tells the student and assistants in-app', async () => {
		const { coachId, parentId, studentId, session, startsAt } = await bookedByStudent({
			zone: 'America/New_York'
		});
		const [coachMail, parentMail] = await Promise.all([
			until(async () => smtp.to(await emailOf(coachId))[0]),
			until(async () => smtp.to(await emailOf(parentId))[0])
		]);
		expect(coachMail.parsed.subject).toBe('Nouvelle séance réservée');
		expect(coachMail.parsed.text).toContain('Fonctions affines');
		expect(coachMail.parsed.html).toContain('https://sessions.example/coach');

		// The parent lives in New York: the text gives the time there.
		const newYork = new Intl.DateTimeFormat('fr-FR', {
			timeZone: 'America/New_York',
			hour: '2-digit',
			minute: '2-digit'
		}).format(startsAt);
		expect(parentMail.parsed.text).toContain(newYork);
		expect(parentMail.parsed.text).toContain('America/New York');

		const ics = coachMail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
		expect(ics).toBeDefined();
		const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
		expect(event.uid).toBe(`session-${session.id}@nexus-sessions`);
		expect(event.sequence).toBe(0);
		expect(event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
		// 10:00 in the coach's Paris; 04:00 or 05:00 in the parent's New York, by season.
		expect(
			new Intl.DateTimeFormat('en-GB', {
				timeZone: 'Europe/Paris',
				hour: '2-digit',
				minute: '2-digit'
			}).format(event.startDate.toJSDate())
		).toBe('10:00');

		// The SMTP server has the mail a moment before the delivery's SENT commits.
		const rows = await until(async () => {
			const all = await deliveries(session.id);
			return all.every((r) => r.status !== 'PENDING' && r.status !== 'SENDING') && all;
		});
		const to = (id: string) =>
			rows
				.filter((r) => r.recipient_id === id)
				.map((r) => `${r.method}:${r.status}`)
				.sort();
		expect(to(coachId)).toEqual(['EMAIL:SENT', 'IN_APP:SENT']);
		expect(to(parentId)).toEqual(['EMAIL:SENT']);
		expect(to(studentId)).toEqual(['IN_APP:SENT']);
		const [assistantInApp] = await sql`select count(*)::int as n from public.session_notifications n
			join public.profiles p on p.id = n.recipient_id
			where n.session_id = ${session.id} and p.role = 'assistant' and n.method = 'IN_APP'`;
		expect(assistantInApp!.n).toBeGreaterThan(0);
		// The three reminder marks are scheduled in pg-boss for their instants.
		const jobs = await sql<{ start_after: Date }[]>`
			select j.start_after from pgboss.job j
			join public.session_reminders r on r.id = (j.data ->> 'id')::uuid
			where j.name = ${QUEUES.remind} and r.session_id = ${session.id} order by j.start_after`;
		expect(jobs.map((j) => j.start_after.getTime())).toEqual(
			[24 * 60, 120, 30].map((m) => startsAt.getTime() - m * 60_000)
		);
	});

	it('a reschedule sends the same UID with a higher SEQUENCE, a cancellation METHOD:CANCEL', async () => {
		const { coachId, parentId, session } = await bookedByStudent();
		const coach = await emailOf(coachId);
		await until(async () => smtp.to(coach).length === 1);
		await reschedule(sql, parentId, session.id, await parisAt(sql, 4, '11:00'));
		await until(async () => smtp.to(coach).length === 2);
		await transition(sql, parentId, session.id, 'CANCELLED');
		await until(async () => smtp.to(coach).length === 3);
		const calendars = smtp.to(coach).map((m) => {
			const ics = m.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
			const c = new ICAL.Component(ICAL.parse(ics.content.toString('utf8')));
			const e = new ICAL.Event(c.getFirstSubcomponent('vevent')!);
			return { method: c.getFirstPropertyValue('method'), uid: e.uid, sequence: e.sequence };
		});
		expect(calendars.map((c) => c.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
		expect(new Set(calendars.map((c) => c.uid)).size).toBe(1);
		expect(calendars.map((c) => c.sequence)).toEqual([0, 1, 2]);
	});
});

describe('reminders', () => {
	it('the 2 h mark goes by email, push (decrypted by the endpoint) and SMS to a parent with a phone', async () => {
		const { parentId, session } = await bookedByStudent({ phone: '06 12 34 56 78' });
		const subscription = push.subscription(`parent-${parentId}`);
		await sql`insert into public.push_subscriptions (user_id, endpoint, p256dh, auth)
			values (${parentId}, ${subscription.endpoint}, ${subscription.p256dh}, ${subscription.auth})`;
		const parent = await emailOf(parentId);
		await until(async () => smtp.to(parent).length === 1);
		const mark = await dueNow(session.id, 'TWO_HOURS_BEFORE');

		const reminderMail = await until(async () => smtp.to(parent)[1]);
		expect(reminderMail.parsed.subject).toBe('Rappel : séance dans 2 heures');
		const sms = await until(async () => twilio.messages.find((m) => m.to === '+33612345678'));
		expect(sms.body).toContain('Rappel : séance dans 2 heures');
		expect(sms.token).toMatch(/^[0-9a-f-]{36}$/);
		const pushed = await until(async () =>
			push.received.find((p) => p.path === `/push/parent-${parentId}`)
		);
		expect(pushed.payload).toMatchObject({
			title: 'Rappel : séance dans 2 heures',
			url: expect.stringContaining(session.id)
		});
		expect(pushed.headers['content-encoding']).toBe('aes128gcm');
		// Handed to the channel within seconds of the mark.
		expect(reminderMail.at - mark.due_at.getTime()).toBeLessThan(10_000);
		const [r] = await sql`select status::text from public.session_reminders where id = ${mark.id}`;
		expect(r!.status).toBe('SENT');
		// Each delivery remembers the mark's due time, which reminder lateness is measured from.
		const due = await sql<{ due_at: Date }[]>`
			select distinct due_at from public.session_notifications where reminder_id = ${mark.id}`;
		expect(due.map((d) => d.due_at.getTime())).toEqual([mark.due_at.getTime()]);
	});

	it('a cancelled session sends no reminder, a moved one only at its new marks', async () => {
		const cancelled = await bookedByStudent();
		await transition(sql, cancelled.parentId, cancelled.session.id, 'CANCELLED');
		const moved = await bookedByStudent();
		const oldMark = await dueNow(moved.session.id, 'THIRTY_MINUTES_BEFORE');
		// Moved before its (old) mark fires: the old job finds the mark moved and sends nothing.
		await reschedule(sql, moved.parentId, moved.session.id, await parisAt(sql, 5, '15:00'));
		const cancelledMark = await sql<{ id: string }[]>`
			select id from public.session_reminders where session_id = ${cancelled.session.id}
			and reminder_type = 'THIRTY_MINUTES_BEFORE'`;
		await engine.boss.send(QUEUES.remind, {
			id: cancelledMark[0]!.id,
			dueAt: new Date().toISOString()
		});
		await new Promise((r) => setTimeout(r, 4_000));
		const reminders = await sql`select count(*)::int as n from public.session_notifications
			where type = 'SESSION_REMINDER' and session_id in (${cancelled.session.id}, ${moved.session.id})`;
		expect(reminders[0]!.n).toBe(0);
		const [mark] = await sql<{ status: string; due_at: Date }[]>`
			select status::text, due_at from public.session_reminders where id = ${oldMark.id}`;
		expect(mark!.status).toBe('PENDING');
		expect(mark!.due_at.getTime()).not.toBe(oldMark.due_at.getTime());
	});
});

describe('delivery', () => {
	it('a provider failing three times then accepting delivers once, with every attempt recorded', async () => {
		const { coachId, coach, session } = await bookedWithRefusingCoach({ times: 3, code: 451 });
		await until(async () => smtp.to(coach).length === 1, 40_000);
		const [row] = await sql<{ id: string; status: string; attempts: number }[]>`
			select id, status::text, attempts from public.session_notifications
			where session_id = ${session.id} and recipient_id = ${coachId} and method = 'EMAIL'`;
		await sent(row!.id);
		const attempts = await sql<{ succeeded: boolean }[]>`
			select succeeded from public.notification_attempts where notification_id = ${row!.id} order by id`;
		expect(attempts.map((a) => a.succeeded)).toEqual([false, false, false, true]);
		await new Promise((r) => setTimeout(r, 1_500));
		expect(smtp.to(coach)).toHaveLength(1);
	}, 60_000);

	it('a permanent refusal is FAILED at once, with the reason, for the board', async () => {
		const { coachId, session } = await bookedWithRefusingCoach({ times: 99, code: 550 });
		const failed = await until(async () => {
			const [r] = await sql<{ status: string; last_error: string }[]>`
				select status::text, last_error from public.session_notifications
				where session_id = ${session.id} and recipient_id = ${coachId} and status = 'FAILED'`;
			return r;
		});
		expect(failed.last_error).toContain('550');
	});

	it('a failed delivery resent by staff is delivered promptly, once, with both rounds recorded', async () => {
		const { coachId, coach, parentId, session } = await bookedWithRefusingCoach({
			times: 1,
			code: 550
		});
		const failed = await until(async () => {
			const [r] = await sql<{ id: string }[]>`
				select id from public.session_notifications
				where session_id = ${session.id} and recipient_id = ${coachId} and status = 'FAILED'`;
			return r;
		});
		const resent = await actAs(sql, DEMO.assistant)((tx) => resendDelivery(tx, failed.id));
		expect(resent).toMatchObject({ id: failed.id, status: 'PENDING', resends: 1 });
		const asked = Date.now();
		await engine.schedule(resendWork(resent));
		await until(async () => smtp.to(coach).length === 1);
		// Prompt: well before the sweep's minute.
		expect(Date.now() - asked).toBeLessThan(10_000);
		await sent(failed.id);
		// Scheduling the same round again (a retried request, the sweep) sends nothing more.
		await engine.schedule(resendWork(resent));
		await new Promise((r) => setTimeout(r, 1_500));
		expect(smtp.to(coach)).toHaveLength(1);
		const attempts = await sql<{ succeeded: boolean }[]>`
			select succeeded from public.notification_attempts where notification_id = ${failed.id} order by id`;
		expect(attempts.map((a) => a.succeeded)).toEqual([false, true]);
		const again = await failure(actAs(sql, DEMO.assistant)((tx) => resendDelivery(tx, failed.id)));
		expect(again.message).toMatch(/^NB_INVALID_TRANSITION/);
		const byFamily = await failure(actAs(sql, parentId)((tx) => resendDelivery(tx, failed.id)));
		expect(byFamily.message).toMatch(/^NB_FORBIDDEN/);
	}, 60_000);

	it('a push subscription answered 410 is deleted', async () => {
		const { parentId, session } = await bookedByStudent();
		const subscription = push.subscription(`gone-${parentId}`);
		push.markGone(`gone-${parentId}`);
		await sql`insert into public.push_subscriptions (user_id, endpoint, p256dh, auth)
			values (${parentId}, ${subscription.endpoint}, ${subscription.p256dh}, ${subscription.auth})`;
		await dueNow(session.id, 'ONE_DAY_BEFORE');
		await until(async () => {
			const left = await sql`select 1 from public.push_subscriptions where user_id = ${parentId}`;
			return left.length === 0;
		});
		const [pushRow] = await until(async () => {
			const rows = await sql<
				{ status: string }[]
			>`select status::text from public.session_notifications
				where session_id = ${session.id} and recipient_id = ${parentId} and method = 'PUSH' and status <> 'PENDING' and status <> 'SENDING'`;
			return rows.length ? rows : null;
		});
		expect(pushRow!.status).toBe('FAILED');
	});
});
