/**
 * The calendar file attached to session mail: one stable UID per session, METHOD:REQUEST
 * with a SEQUENCE that grows with each change, METHOD:CANCEL when it is cancelled, so a
 * mail client updates the one event instead of adding a second. Instants are UTC: every
 * calendar shows them in its owner's zone.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { SessionFacts } from './messages';

export interface CalendarInput {
	session: SessionFacts;
	cancelled: boolean;
	/** Number of changes the session has had (0 at booking). */
	sequence: number;
	title: string;
	description: string;
	link: string;
	organizerEmail: string;
	/** Issued at: the DTSTAMP (from the event, so a retry sends the same file). */
	stamp: Date;
}

export const sessionUid = (sessionId: string) => `session-${sessionId}@nexus-sessions`;

export function sessionCalendar(input: CalendarInput): string {
	const calendar = ical({
		prodId: { company: 'Nexus Réussite', product: 'Nexus Sessions', language: 'FR' }
	});
	calendar.method(input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
	const s = input.session;
	calendar.createEvent({
		id: sessionUid(s.id),
		sequence: input.sequence,
		stamp: input.stamp,
		start: s.startsAt,
		end: s.endsAt,
		summary: input.title,
		description: input.description,
		location: s.modality === 'ONLINE' ? s.meetingUrl : s.location,
		url: input.link,
		organizer: { name: 'Nexus Sessions', email: input.organizerEmail },
		status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
	});
	return calendar.toString();
}
