/**
 * A family's sessions, shaped for the "My sessions" screens: what each card
 * shows and which actions it offers (the RPCs still decide for real).
 */
import type { BookingPolicy } from '$lib/core/policy';
import { z } from 'zod';
import type { SessionStatus } from './lifecycle';
import { familyActions, splitByTime, type FamilyActions } from './family-actions';
import { getSession, listSessions, type SessionView } from './read-model.server';
import type { Tx } from '$lib/server/db';
import { ApiError } from '$lib/server/http/errors';

export interface FamilySession {
	id: string;
	title: string;
	subject: { code: string; nameFr: string; nameEn: string };
	type: SessionView['type'];
	modality: SessionView['modality'];
	status: SessionStatus;
	startsAt: Date;
	endsAt: Date;
	durationMinutes: number;
	creditsUsed: number;
	coachId: string;
	coachName: string;
	studentName: string;
	rating: number | null;
	feedback: string | null;
	/** What the coach wrote when completing it ("shared with the family"). */
	coachNotes: string | null;
	meetingUrl: string | null;
	location: string | null;
	cancellationReason: string | null;
	actions: FamilyActions;
}

/** Enough for any family's history; older sessions stay in the ledger. */
const HISTORY_LIMIT = 200;

export function toFamilySession(
	s: SessionView,
	policy: BookingPolicy,
	now = new Date()
): FamilySession {
	return {
		id: s.id,
		title: s.title,
		subject: s.subject,
		type: s.type,
		modality: s.modality,
		status: s.status,
		startsAt: s.startsAt,
		endsAt: s.endsAt,
		durationMinutes: s.durationMinutes,
		creditsUsed: s.creditsUsed,
		coachId: s.coach.id,
		coachName: `${s.coach.firstName} ${s.coach.lastName}`.trim(),
		studentName: `${s.student.firstName} ${s.student.lastName}`.trim(),
		rating: s.rating,
		feedback: s.feedback,
		coachNotes: s.coachNotes,
		meetingUrl: s.meetingUrl,
		location: s.location,
		cancellationReason: s.cancellationReason,
		actions: familyActions(s, now, policy.refundWindowHours)
	};
}

/** One student's sessions (RLS: the caller's own, or their child's), upcoming and past. */
export async function listStudentSessions(
	tx: Tx,
	studentId: string,
	policy: BookingPolicy,
	now = new Date()
) {
	const all = await listSessions(tx, { userId: studentId, limit: HISTORY_LIMIT });
	const mine = all
		.filter((s) => s.student.id === studentId)
		.map((s) => toFamilySession(s, policy, now));
	return splitByTime(mine, now);
}

/** Credits given back when `sessionId` was cancelled (from the ledger), 0 if none. */
export async function refundedFor(tx: Tx, sessionId: string): Promise<number> {
	const [row] = await tx<{ refunded: number }[]>`
		select coalesce(sum(amount), 0)::int as refunded
		from public.credit_transactions where session_id = ${sessionId} and kind = 'REFUND'`;
	return row?.refunded ?? 0;
}

const notFound = () => new ApiError(404, 'NOT_FOUND', 'Not found');

/** The `[id]` route parameter as a session id; anything else is a 404 like an unknown id. */
export function sessionIdParam(params: { id: string }): string {
	const parsed = z.uuid().safeParse(params.id);
	if (!parsed.success) throw notFound();
	return parsed.data;
}

/** The session for a family page; a 404 `ApiError` also when it is not theirs to see. */
export async function sessionOr404(tx: Tx, id: string): Promise<SessionView> {
	const session = await getSession(tx, id);
	if (!session) throw notFound();
	return session;
}
