/** What the board and a session's record show (filled by session-manager.server.ts). */
import type { SessionStatus } from '$lib/core/enums';
import type { SubjectOption } from '$lib/features/booking/wizard';
import type { UpcomingSession } from '$lib/features/sessions/types';
import type { BoardFilters } from './schemas';

/** A board line: an upcoming-list line with its people's ids and what needs attention. */
export interface BoardRow extends UpcomingSession {
	coachId: string;
	studentId: string;
	parentName: string | null;
	creditsUsed: number;
	notes: number;
	failedDeliveries: number;
}

export interface BoardCounters {
	today: number;
	inProgress: number;
	cancelledToday: number;
	noShowsToday: number;
	failedNotifications: number;
}

export interface HistoryEntry {
	at: Date;
	kind: 'status' | 'note' | 'credits' | 'staff';
	by: string | null;
	fromStatus?: SessionStatus | null;
	toStatus?: SessionStatus;
	text: string | null;
	amount?: number;
}

export interface DeliveryRow {
	id: string;
	type: string;
	method: string;
	status: string;
	recipientName: string;
	title: string;
	createdAt: Date;
	sentAt: Date | null;
	attempts: number;
	lastError: string | null;
}

export interface BoardData {
	range: { from: string; to: string; days: number };
	filters: BoardFilters;
	counters: BoardCounters;
	sessions: BoardRow[];
	total: number;
	pageSize: number;
	coaches: { id: string; name: string }[];
	subjects: SubjectOption[];
}

export interface SessionRecord {
	session: BoardRow & {
		description: string | null;
		meetingUrl: string | null;
		cancellationReason: string | null;
	};
	history: HistoryEntry[];
	reminders: { type: string; dueAt: Date; status: string; sentAt: Date | null }[];
	deliveries: DeliveryRow[];
	/** Coaches qualified for the subject and free at that time (for a reassignment). */
	candidates: { id: string; firstName: string; lastName: string }[];
}
