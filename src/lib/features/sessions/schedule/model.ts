/**
 * A coach's session as the schedule shows it, and which lifecycle actions to offer. The rulebook
 * is `public.transition_session` (SQL): the hints here only avoid offering what it would refuse.
 */
import { isLive, nextStatuses, timingRefusal, type NotYet, type SessionStatus } from '../lifecycle';

export interface ScheduleSession {
	id: string;
	title: string;
	subject: { code: string; nameFr: string; nameEn: string };
	modality: 'ONLINE' | 'IN_PERSON';
	status: SessionStatus;
	startsAt: string;
	endsAt: string;
	studentName: string;
	meetingUrl: string | null;
	location: string | null;
	coachNotes: string | null;
	cancellationReason: string | null;
}

/** The fields of the API's session (JSON or driver row) that the schedule uses. */
export interface SessionLike {
	id: string;
	title: string;
	subject: { code: string; nameFr: string; nameEn: string };
	modality: 'ONLINE' | 'IN_PERSON';
	status: SessionStatus;
	startsAt: Date | string;
	endsAt: Date | string;
	student: { firstName: string; lastName: string };
	meetingUrl: string | null;
	location: string | null;
	coachNotes: string | null;
	cancellationReason: string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function toScheduleSession(s: SessionLike): ScheduleSession {
	return {
		id: s.id,
		title: s.title,
		subject: s.subject,
		modality: s.modality,
		status: s.status,
		startsAt: iso(s.startsAt),
		endsAt: iso(s.endsAt),
		studentName: `${s.student.firstName} ${s.student.lastName}`.trim(),
		meetingUrl: s.meetingUrl,
		location: s.location,
		coachNotes: s.coachNotes,
		cancellationReason: s.cancellationReason
	};
}

export type ActionTarget = Exclude<SessionStatus, 'SCHEDULED'>;

/** These need a few words first (notes, a reason) or are hard to undo: asked in a dialog. */
export const ASK_TARGETS = ['COMPLETED', 'NO_SHOW', 'CANCELLED'] as const satisfies ActionTarget[];
export type AskTarget = (typeof ASK_TARGETS)[number];
export const isAskTarget = (to: ActionTarget): to is AskTarget =>
	(ASK_TARGETS as readonly ActionTarget[]).includes(to);

export interface SessionAction {
	to: ActionTarget;
	/** Why it is not possible yet, or null when it is. */
	notYet: Exclude<NotYet, 'alreadyStarted'> | null;
}

/**
 * The coach's buttons: every move the lifecycle allows, with the reason it must wait; a cancel
 * once the session has started is not offered at all (it can only end: completed or no-show).
 */
export function coachActions(
	session: ScheduleSession,
	now: Date,
	startEarlyMinutes: number
): SessionAction[] {
	const timing = { startsAt: new Date(session.startsAt), now, startEarlyMinutes };
	return nextStatuses(session.status, 'coach').flatMap((to) => {
		const notYet = timingRefusal(to, 'coach', timing);
		return notYet === 'alreadyStarted' ? [] : [{ to: to as ActionTarget, notYet }];
	});
}

/** Live sessions whose end has passed: the coach still has to close them. */
export const needsClosing = (s: ScheduleSession, now: Date) =>
	isLive(s.status) && Date.parse(s.endsAt) <= now.getTime();

/** Sessions still ahead (or running), plus any that were just acted on today. */
export const isUpcoming = (s: ScheduleSession, now: Date) =>
	!needsClosing(s, now) && Date.parse(s.endsAt) > now.getTime();
