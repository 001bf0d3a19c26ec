/**
 * Reading sessions. RLS decides what the caller sees (their own, their children's, the ones they
 * coach, or everything for staff); these queries only filter and shape.
 */
import type { SessionStatus } from './lifecycle';
import type { SessionType } from '$lib/core/enums';
import type { SessionListQuery } from '$lib/features/sessions/schemas';
import type { Fragment } from 'postgres';
import type { Tx } from '$lib/server/db/as-user';

export interface PersonRef {
	id: string;
	firstName: string;
	lastName: string;
}

export interface SessionView {
	id: string;
	title: string;
	description: string | null;
	subject: { code: string; nameFr: string; nameEn: string };
	type: SessionType;
	modality: 'ONLINE' | 'IN_PERSON';
	status: SessionStatus;
	startsAt: Date;
	endsAt: Date;
	durationMinutes: number;
	creditsUsed: number;
	coach: PersonRef;
	student: PersonRef;
	parentId: string | null;
	bookedBy: string;
	rating: number | null;
	feedback: string | null;
	ratedAt: Date | null;
	coachNotes: string | null;
	studentNotes: string | null;
	meetingUrl: string | null;
	location: string | null;
	cancelledAt: Date | null;
	cancellationReason: string | null;
	createdAt: Date;
	updatedAt: Date;
}

interface SessionRow extends Omit<SessionView, 'subject' | 'coach' | 'student'> {
	subjectCode: string;
	subjectNameFr: string;
	subjectNameEn: string;
	coachId: string;
	coachFirstName: string;
	coachLastName: string;
	studentId: string;
	studentFirstName: string;
	studentLastName: string;
}

function toView(row: SessionRow): SessionView {
	const {
		subjectCode,
		subjectNameFr,
		subjectNameEn,
		coachId,
		coachFirstName,
		coachLastName,
		studentId,
		studentFirstName,
		studentLastName,
		...rest
	} = row;
	return {
		...rest,
		subject: { code: subjectCode, nameFr: subjectNameFr, nameEn: subjectNameEn },
		coach: { id: coachId, firstName: coachFirstName, lastName: coachLastName },
		student: { id: studentId, firstName: studentFirstName, lastName: studentLastName }
	};
}

const sessionColumns = (tx: Tx) => tx`
	s.id, s.title, s.description, s.type, s.modality, s.status,
	s.starts_at as "startsAt", s.ends_at as "endsAt", s.duration_minutes as "durationMinutes",
	s.credits_used as "creditsUsed", s.parent_id as "parentId", s.booked_by as "bookedBy",
	s.rating, s.feedback, s.rated_at as "ratedAt", s.coach_notes as "coachNotes",
	s.student_notes as "studentNotes", s.meeting_url as "meetingUrl", s.location,
	s.cancelled_at as "cancelledAt", s.cancellation_reason as "cancellationReason",
	s.created_at as "createdAt", s.updated_at as "updatedAt",
	s.subject_code as "subjectCode", sub.name_fr as "subjectNameFr", sub.name_en as "subjectNameEn",
	s.coach_id as "coachId", coalesce(c.first_name, '') as "coachFirstName",
	coalesce(c.last_name, '') as "coachLastName",
	s.student_id as "studentId", coalesce(st.first_name, '') as "studentFirstName",
	coalesce(st.last_name, '') as "studentLastName"`;

/** Names come through left joins: a profile hidden by RLS must not hide the session itself. */
const sessionJoins = (tx: Tx) => tx`
	join public.subjects sub on sub.code = s.subject_code
	left join public.profiles c on c.id = s.coach_id
	left join public.profiles st on st.id = s.student_id`;

const selectSessions = (tx: Tx) => tx`
	select ${sessionColumns(tx)} from public.session_bookings s ${sessionJoins(tx)}`;

/** One session, or null when it does not exist or the caller may not see it. */
export async function getSession(tx: Tx, id: string): Promise<SessionView | null> {
	const [row] = await tx<SessionRow[]>`${selectSessions(tx)} where s.id = ${id}`;
	return row ? toView(row) : null;
}

/** Dates are calendar days in the caller's own time zone. */
const callerZone = (tx: Tx) => tx`
	coalesce((select p.time_zone from public.profiles p where p.id = (select auth.uid())),
		'Europe/Paris')`;

function filters(tx: Tx, query: SessionListQuery) {
	const { userId, status, startDate, endDate } = query;
	// A parent is "in" a session through parent_id or as any linked parent of the student.
	const forUser = userId
		? tx`and (${userId} in (s.student_id, s.coach_id, s.parent_id)
				or s.student_id in (select ps.student_id from public.parent_students ps
					where ps.parent_id = ${userId}))`
		: tx``;
	const byStatus = status ? tx`and s.status in ${tx(status)}` : tx``;
	const from = startDate
		? tx`and s.starts_at >= (${startDate}::date::timestamp at time zone ${callerZone(tx)})`
		: tx``;
	const to = endDate
		? tx`and s.starts_at < ((${endDate}::date + 1)::timestamp at time zone ${callerZone(tx)})`
		: tx``;
	return tx`${forUser} ${byStatus} ${from} ${to}`;
}

/** The sessions the caller may see, latest first. */
export async function listSessions(tx: Tx, query: SessionListQuery): Promise<SessionView[]> {
	const rows = await tx<SessionRow[]>`
		${selectSessions(tx)}
		where true ${filters(tx, query)}
		order by s.starts_at desc, s.id
		limit ${query.limit}`;
	return rows.map(toView);
}

/**
 * Call an RPC that returns `{session: <row>, ...}` and shape that session in the SAME statement:
 * no second round trip while the RPC's locks are held, so concurrent bookings wait less.
 * Returns the view and the RPC's other keys.
 */
export async function sessionFromRpc<Rest extends object>(
	tx: Tx,
	rpcCall: Fragment
): Promise<{ session: SessionView; rest: Rest }> {
	const [row] = await tx<(SessionRow & { rest: Rest })[]>`
		select r.result - 'session' as rest, ${sessionColumns(tx)}
		from (select ${rpcCall} as result) r
		cross join lateral jsonb_populate_record(null::public.session_bookings, r.result -> 'session') s
		${sessionJoins(tx)}`;
	if (!row) throw new Error('The RPC returned no session');
	const { rest, ...session } = row;
	return { session: toView(session), rest };
}
