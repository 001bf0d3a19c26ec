/** Session projections that components render; server modules fill them. */
import type { SessionModality, SessionStatus } from '$lib/core/enums';

/** A line of an "upcoming sessions" list (homes, board). */
export interface UpcomingSession {
	id: string;
	title: string;
	subjectCode: string;
	startsAt: Date;
	endsAt: Date;
	status: SessionStatus;
	modality: SessionModality;
	coachName: string;
	studentName: string;
}
