/**
 * Who is told of what, on which channel: the default routing of the specification, each
 * person's choices over it, and the gates every channel has (an address, a subscription,
 * quiet hours). Pure: the dispatcher hands it the people and the instant.
 */
import type { NotificationMethod, NotificationType, ReminderType } from '$lib/core/enums';
import { zoneOffsetMs } from '$lib/core/time/wall-clock';

/** How a person is related to the session the notification is about. */
export type Relation = 'coach' | 'student' | 'parent' | 'assistant';

export interface Recipient {
	id: string;
	relation: Relation;
	email: string | null;
	phone: string | null;
	locale: 'fr' | 'en';
	timeZone: string;
	/** The profile's channel switches: false means never on that channel. */
	channels: { EMAIL: boolean; SMS: boolean; PUSH: boolean };
	/** Nightly quiet hours, wall clock in `timeZone` ("22:00" → "07:00"), or null. */
	quietHours: { start: string; end: string } | null;
	/** Choices that differ from the defaults, keyed `TYPE:METHOD`. */
	preferences: Partial<Record<PreferenceKey, boolean>>;
	hasPushSubscription: boolean;
}

export type PreferenceKey = `${NotificationType}:${NotificationMethod}`;

/** The notification types a person can tune (the others follow the defaults). */
export const TUNABLE_TYPES = [
	'SESSION_BOOKED',
	'SESSION_CONFIRMED',
	'SESSION_RESCHEDULED',
	'SESSION_CANCELLED',
	'SESSION_NO_SHOW',
	'SESSION_REMINDER',
	'FEEDBACK_REQUESTED'
] as const satisfies readonly NotificationType[];
export type TunableType = (typeof TUNABLE_TYPES)[number];
export const TUNABLE_METHODS = ['EMAIL', 'SMS', 'PUSH'] as const satisfies NotificationMethod[];

type Routing = Partial<Record<Relation, readonly NotificationMethod[]>>;

// The coach also gets the in-app copy: their bell is the queue of changes to their week.
const FAMILY_AND_STAFF: Routing = {
	coach: ['EMAIL', 'IN_APP'],
	assistant: ['IN_APP'],
	parent: ['EMAIL'],
	student: ['IN_APP']
};
const FAMILY: Routing = { parent: ['EMAIL'], student: ['IN_APP'] };
const REMINDER: Routing = {
	coach: ['EMAIL', 'PUSH'],
	parent: ['EMAIL', 'PUSH'],
	student: ['EMAIL', 'PUSH']
};

/** The specification's routing: every type × relation → channels. */
export const DEFAULT_ROUTING: Record<NotificationType, Routing> = {
	SESSION_BOOKED: FAMILY_AND_STAFF,
	SESSION_CANCELLED: FAMILY_AND_STAFF,
	SESSION_RESCHEDULED: FAMILY_AND_STAFF,
	// Staff handed the session to another coach: the new coach, the family, the other assistants.
	SESSION_REASSIGNED: FAMILY_AND_STAFF,
	SESSION_CONFIRMED: FAMILY,
	SESSION_NO_SHOW: FAMILY,
	SESSION_STARTED: {},
	SESSION_COMPLETED: {},
	SESSION_REMINDER: REMINDER,
	FEEDBACK_REQUESTED: { parent: ['IN_APP', 'EMAIL'], student: ['IN_APP', 'EMAIL'] },
	CREDITS_GRANTED: { parent: ['EMAIL'], student: ['IN_APP'] },
	// Only to whoever asked (the dispatcher narrows the family to them).
	CREDIT_REQUEST_DECLINED: { parent: ['IN_APP'], student: ['IN_APP'] }
};

/** The 2 h reminder also goes by SMS to whoever has a phone. */
const defaultMethods = (type: NotificationType, relation: Relation, reminder?: ReminderType) => {
	const methods = [...(DEFAULT_ROUTING[type][relation] ?? [])];
	if (type === 'SESSION_REMINDER' && reminder === 'TWO_HOURS_BEFORE') methods.push('SMS');
	return methods;
};

/** Is `at` inside the recipient's quiet hours (in their zone)? */
export function inQuietHours(recipient: Pick<Recipient, 'quietHours' | 'timeZone'>, at: Date) {
	if (!recipient.quietHours) return false;
	const local = new Date(at.getTime() + zoneOffsetMs(recipient.timeZone, at.getTime()));
	const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
	const [start, end] = [recipient.quietHours.start, recipient.quietHours.end].map((t) => {
		const [h, m] = t.split(':').map(Number);
		return h! * 60 + m!;
	}) as [number, number];
	return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export interface RouteInput {
	type: NotificationType;
	reminderType?: ReminderType;
	/** Whoever made it happen: not told of their own action, but for a student's agenda. */
	actorId: string | null;
	/** When the message would leave (quiet hours are judged at that instant). */
	sendAt: Date;
}

export interface Route {
	recipient: Recipient;
	method: NotificationMethod;
}

/** Every (recipient, channel) that gets this notification. */
export function route(input: RouteInput, recipients: readonly Recipient[]): Route[] {
	const routes: Route[] = [];
	const seen = new Set<string>();
	for (const recipient of recipients) {
		if (seen.has(recipient.id)) continue;
		seen.add(recipient.id);
		const isActor = recipient.id === input.actorId;
		const defaults = defaultMethods(input.type, recipient.relation, input.reminderType);
		for (const method of ['IN_APP', 'EMAIL', 'SMS', 'PUSH'] as const) {
			const chosen = recipient.preferences[`${input.type}:${method}`];
			// In-app is the agenda itself: it follows the defaults, never a preference.
			const wanted =
				method === 'IN_APP' ? defaults.includes(method) : (chosen ?? defaults.includes(method));
			if (!wanted) continue;
			if (isActor && !(recipient.relation === 'student' && method === 'IN_APP')) continue;
			if (!channelOpen(recipient, method, input.sendAt)) continue;
			routes.push({ recipient, method });
		}
	}
	return routes;
}

function channelOpen(recipient: Recipient, method: NotificationMethod, at: Date) {
	switch (method) {
		case 'IN_APP':
			return true;
		case 'EMAIL':
			return recipient.channels.EMAIL && !!recipient.email;
		case 'SMS':
			return (
				recipient.channels.SMS && toE164(recipient.phone) !== null && !inQuietHours(recipient, at)
			);
		case 'PUSH':
			return (
				recipient.channels.PUSH && recipient.hasPushSubscription && !inQuietHours(recipient, at)
			);
	}
}

/**
 * A phone number as E.164 (what Twilio takes), or null: "+33 6 12 34 56 78", "06 12 34 56 78"
 * (a French national number) and "0033612345678" all become "+33612345678".
 */
export function toE164(phone: string | null | undefined): string | null {
	if (!phone) return null;
	const digits = phone.replace(/[\s.()-]/g, '');
	const international = digits.startsWith('+')
		? digits
		: digits.startsWith('00')
			? `+${digits.slice(2)}`
			: /^0[1-9]\d{8}$/.test(digits)
				? `+33${digits.slice(1)}`
				: null;
	return international && /^\+[1-9]\d{7,14}$/.test(international) ? international : null;
}
