/**
 * From facts to deliveries. The dispatcher expands each outbox event once, and each due
 * reminder mark once, into one delivery per (recipient, channel) chosen by `route`, with its
 * words (`renderMessage`) and calendar file, all in one service transaction; the job engine
 * it is handed schedules what must be sent in that same transaction (pg-boss) or right after
 * it (Inngest, whose sweep catches a send lost in between).
 */
import type { NotificationMethod, NotificationType, ReminderType } from '$lib/core/enums';
import { runAsService } from '$lib/server/db/as-user';
import type { Tx } from '$lib/server/db';
import type { Sql } from 'postgres';
import { sessionCalendar } from './calendar';
import {
	familyContext,
	recipientById,
	sessionContext,
	type SessionContext
} from './context.server';
import { renderMessage, type SessionFacts } from './messages';
import { route, type Recipient } from './routing';

/** What must now be scheduled. */
export interface Work {
	/** `resends`: the staff's resend rounds of a failed delivery (0 or absent: the first). */
	deliveries: { id: string; startAfter: Date; resends?: number }[];
	reminders: { id: string; dueAt: Date; sessionId?: string }[];
}

export interface Scheduler {
	/** Schedule the work inside the transaction that created it (or after it commits). */
	schedule(tx: Tx, work: Work): Promise<void>;
}

export interface Links {
	/** Absolute origin of the app, e.g. https://sessions.nexus-reussite.fr */
	origin: string;
}

/** The feedback request waits this long after completion. */
export const FEEDBACK_DELAY_MS = 60 * 60_000;

/**
 * Where a notification leads: a session's card, or the credits page when it is about a
 * student's credits (no session id). A parent's link names the child (`child=`): with two
 * children, the page would otherwise open on whichever child was chosen last.
 */
export const linkFor = (
	links: Links,
	type: NotificationType,
	relation: Recipient['relation'],
	about?: { id?: string; studentId: string }
) => {
	if (relation === 'coach') return `${links.origin}/coach`;
	if (relation === 'assistant') return `${links.origin}/assistant`;
	const query = new URLSearchParams();
	if (relation === 'parent' && about) query.set('child', about.studentId);
	if (type === 'FEEDBACK_REQUESTED' && about?.id) query.set('rate', about.id);
	const search = query.size ? `?${query}` : '';
	return about?.id
		? `${links.origin}/sessions${search}#session-${about.id}`
		: `${links.origin}/credits${search}`;
};

interface EventRow {
	id: string;
	type: NotificationType;
	session_id: string | null;
	actor_id: string | null;
	data: Record<string, unknown>;
	occurred_at: Date;
	sequence: number;
}

interface NewDelivery {
	sessionId: string | null;
	recipient: Recipient;
	method: NotificationMethod;
	type: NotificationType;
	eventId: string | null;
	reminderId: string | null;
	key: string;
	startAfter: Date;
	/** When it was meant to reach the person (the event, or the reminder mark's due time). */
	dueAt: Date;
	body: ReturnType<typeof renderMessage>;
	link: string;
	calendar: { content: string; method: 'REQUEST' | 'CANCEL' } | null;
}

/** Expand up to `limit` undispatched events; returns how many were dispatched. */
export async function dispatchEvents(sql: Sql, scheduler: Scheduler, links: Links, limit = 50) {
	return runAsService(sql, async (tx) => {
		const events = await tx<EventRow[]>`
			select e.id::text, e.type::text as type, e.session_id, e.actor_id, e.data, e.occurred_at,
			       (select count(*)::int from public.notification_events x
			        where x.session_id = e.session_id and x.id <= e.id
			          and x.type in ('SESSION_RESCHEDULED', 'SESSION_REASSIGNED', 'SESSION_CANCELLED')) as sequence
			from public.notification_events e
			where e.dispatched_at is null
			order by e.id
			limit ${limit}
			for update of e skip locked`;
		const work: Work = { deliveries: [], reminders: [] };
		for (const event of events) {
			const context = event.session_id ? await sessionContext(tx, event.session_id) : null;
			if (context) {
				const startAfter =
					event.type === 'FEEDBACK_REQUESTED'
						? new Date(event.occurred_at.getTime() + FEEDBACK_DELAY_MS)
						: event.occurred_at;
				// What the event's deliveries share; the previous coach's differ in key and calendar.
				const input: PlanInput = {
					type: event.type,
					actorId: event.actor_id,
					sendAt: startAfter,
					data: event.data,
					eventId: event.id,
					reminderId: null,
					keyPrefix: `event:${event.id}`,
					startAfter,
					dueAt: startAfter,
					calendar:
						event.type === 'SESSION_BOOKED' ||
						event.type === 'SESSION_RESCHEDULED' ||
						event.type === 'SESSION_REASSIGNED'
							? { method: 'REQUEST', sequence: event.sequence, stamp: event.occurred_at }
							: event.type === 'SESSION_CANCELLED'
								? { method: 'CANCEL', sequence: event.sequence, stamp: event.occurred_at }
								: null
				};
				work.deliveries.push(...(await insertDeliveries(tx, plan(context, links, input))));
				const previousCoachId = event.data.previousCoachId;
				if (event.type === 'SESSION_REASSIGNED' && typeof previousCoachId === 'string') {
					// The coach it was taken from: the same words, and their calendar entry cancelled.
					const previous = await recipientById(tx, previousCoachId, 'coach');
					const left = plan({ ...context, recipients: previous ? [previous] : [] }, links, {
						...input,
						keyPrefix: `event:${event.id}:previous`,
						calendar: { method: 'CANCEL', sequence: event.sequence, stamp: event.occurred_at }
					});
					work.deliveries.push(...(await insertDeliveries(tx, left)));
				}
				if (event.type === 'SESSION_BOOKED' || event.type === 'SESSION_RESCHEDULED') {
					const marks = await tx<{ id: string; due_at: Date }[]>`
						select id, due_at from public.session_reminders
						where session_id = ${event.session_id} and status = 'PENDING'`;
					work.reminders.push(
						...marks.map((m) => ({ id: m.id, dueAt: m.due_at, sessionId: event.session_id! }))
					);
				}
			} else if (!event.session_id) {
				work.deliveries.push(...(await insertDeliveries(tx, await planCredits(tx, links, event))));
			}
			await tx`update public.notification_events set dispatched_at = now() where id = ${event.id}`;
		}
		await scheduler.schedule(tx, work);
		return events.length;
	});
}

export type ReminderOutcome = 'sent' | 'stale' | 'cancelled';

/**
 * A reminder mark is due: tell the people, unless the session was cancelled, completed or
 * moved since (then the job that fires is not the mark's current one, or the session is
 * not live any more).
 */
export async function fireReminder(
	sql: Sql,
	scheduler: Scheduler,
	links: Links,
	reminderId: string,
	dueAt: Date
): Promise<ReminderOutcome> {
	return runAsService(sql, async (tx) => {
		const [mark] = await tx<
			{ session_id: string; reminder_type: ReminderType; due_at: Date; status: string }[]
		>`
			select session_id, reminder_type::text as reminder_type, due_at, status::text as status
			from public.session_reminders where id = ${reminderId} for update`;
		if (!mark || mark.status !== 'PENDING' || mark.due_at.getTime() !== dueAt.getTime())
			return 'stale';
		const context = await sessionContext(tx, mark.session_id);
		if (!context || !['SCHEDULED', 'CONFIRMED'].includes(context.status)) {
			await tx`update public.session_reminders
				set status = 'CANCELLED', last_error = ${`session ${context?.status.toLowerCase() ?? 'gone'}`}
				where id = ${reminderId}`;
			return 'cancelled';
		}
		const now = new Date();
		const planned = plan(context, links, {
			type: 'SESSION_REMINDER',
			reminderType: mark.reminder_type,
			actorId: null,
			sendAt: now,
			data: {},
			eventId: null,
			reminderId,
			keyPrefix: `reminder:${reminderId}:${dueAt.getTime()}`,
			startAfter: now,
			dueAt,
			calendar: null
		});
		const deliveries = await insertDeliveries(tx, planned);
		await tx`update public.session_reminders
			set status = 'SENT', sent_at = now(), attempts = attempts + 1 where id = ${reminderId}`;
		await scheduler.schedule(tx, { deliveries, reminders: [] });
		return 'sent';
	});
}

interface PlanInput {
	type: NotificationType;
	reminderType?: ReminderType;
	actorId: string | null;
	sendAt: Date;
	data: Record<string, unknown>;
	eventId: string | null;
	reminderId: string | null;
	keyPrefix: string;
	startAfter: Date;
	dueAt: Date;
	calendar: { method: 'REQUEST' | 'CANCEL'; sequence: number; stamp: Date } | null;
}

/**
 * Who may be told, and what about: a session (its facts), or a student's credits (no session,
 * only the student it concerns).
 */
type PlanTarget = Pick<SessionContext, 'recipients'> &
	({ facts: SessionFacts } | { facts: null; studentId: string });

function plan(context: PlanTarget, links: Links, input: PlanInput): NewDelivery[] {
	const about = context.facts ?? { studentId: context.studentId };
	return route(input, context.recipients).map(({ recipient, method }) => {
		const link = linkFor(links, input.type, recipient.relation, about);
		const body = renderMessage({
			type: input.type,
			reminderType: input.reminderType,
			locale: recipient.locale,
			timeZone: recipient.timeZone,
			session: context.facts,
			data: input.data,
			link,
			preferencesLink: `${links.origin}/notifications/preferences`
		});
		const calendar =
			method === 'EMAIL' && input.calendar && context.facts
				? {
						method: input.calendar.method,
						content: sessionCalendar({
							session: context.facts,
							cancelled: input.calendar.method === 'CANCEL',
							sequence: input.calendar.sequence,
							title: `${context.facts.title} — ${recipient.locale === 'fr' ? context.facts.subject.nameFr : context.facts.subject.nameEn}`,
							description: body.text,
							link,
							organizerEmail: 'no-reply@nexus-reussite.fr',
							stamp: input.calendar.stamp
						})
					}
				: null;
		return {
			sessionId: context.facts?.id ?? null,
			recipient,
			method,
			type: input.type,
			eventId: input.eventId,
			reminderId: input.reminderId,
			key: `${input.keyPrefix}:${recipient.id}:${method}`,
			startAfter: input.startAfter,
			dueAt: input.dueAt,
			body,
			link,
			calendar
		};
	});
}

/**
 * A student's credits changed (granted, or a request declined): the student and their parents
 * are told of a grant, only whoever asked of a declined request.
 */
async function planCredits(tx: Tx, links: Links, event: EventRow): Promise<NewDelivery[]> {
	if (event.type !== 'CREDITS_GRANTED' && event.type !== 'CREDIT_REQUEST_DECLINED') return [];
	const studentId = String(event.data.studentId ?? '');
	const family = studentId ? await familyContext(tx, studentId) : null;
	if (!family) return [];
	const recipients =
		event.type === 'CREDIT_REQUEST_DECLINED'
			? family.recipients.filter((r) => r.id === event.data.requestedBy)
			: family.recipients;
	return plan({ recipients, facts: null, studentId }, links, {
		type: event.type,
		actorId: event.actor_id,
		sendAt: event.occurred_at,
		data: { ...event.data, studentName: family.studentName },
		eventId: event.id,
		reminderId: null,
		keyPrefix: `event:${event.id}`,
		startAfter: event.occurred_at,
		dueAt: event.occurred_at,
		calendar: null
	});
}

/** Insert the deliveries (a replay inserts nothing twice); in-app ones are delivered by it. */
async function insertDeliveries(tx: Tx, planned: NewDelivery[]): Promise<Work['deliveries']> {
	const scheduled: Work['deliveries'] = [];
	for (const d of planned) {
		const inApp = d.method === 'IN_APP';
		const [row] = await tx<{ id: string }[]>`
			insert into public.session_notifications
				(session_id, recipient_id, type, method, status, title, message, payload, event_id,
				 reminder_id, delivery_key, locale, next_attempt_at, due_at, sent_at)
			values (${d.sessionId}, ${d.recipient.id}, ${d.type}, ${d.method},
				${inApp ? 'SENT' : 'PENDING'}, ${d.body.title}, ${d.body.text},
				${tx.json({ sessionId: d.sessionId, link: d.link, html: d.body.html, short: d.body.short, calendar: d.calendar })},
				${d.eventId}, ${d.reminderId}, ${d.key}, ${d.recipient.locale}, ${d.startAfter},
				${d.dueAt}, ${inApp ? d.startAfter : null})
			on conflict (delivery_key) do nothing
			returning id`;
		if (!row) continue;
		if (inApp) {
			await tx`select realtime.send(${tx.json({ id: row.id, type: d.type, title: d.body.title })},
				'notification', ${`user:${d.recipient.id}`}, true)`;
		} else {
			scheduled.push({ id: row.id, startAfter: d.startAfter });
		}
	}
	return scheduled;
}
