/**
 * The assistants' SessionManager: every session in a date range (the viewer's days), filtered,
 * a page at a time, with the counters of the day; and one session's full record. Everything
 * runs as the caller (RLS: staff see all); the screen lives at `/assistant`.
 */
import { addDays } from '$lib/core/time/wall-clock';
import { dateInZone } from '$lib/core/time/instants';
import { listSubjects } from '$lib/features/booking/wizard.server';
import { reassignCandidates } from '$lib/features/sessions/staff-tools.server';
import { onViewerDay, sessionsToday } from './homes.server';
import type { Tx } from '$lib/server/db';
import { ApiError } from '$lib/server/http/errors';
import type { BoardFilters } from './schemas';
import type {
	BoardCounters,
	BoardData,
	BoardRow,
	DeliveryRow,
	HistoryEntry,
	SessionRecord
} from './types';

export const BOARD_PAGE_SIZE = 50;

/** A board line's columns (`BoardRow`), for the list and for one session's record. */
const lineColumns = (tx: Tx) => tx`
	s.id, s.title, s.subject_code as "subjectCode", s.starts_at as "startsAt",
	s.ends_at as "endsAt", s.status, s.modality, s.coach_id as "coachId",
	c.first_name || ' ' || c.last_name as "coachName", s.student_id as "studentId",
	st.first_name || ' ' || st.last_name as "studentName",
	pa.first_name || ' ' || pa.last_name as "parentName", s.credits_used as "creditsUsed",
	(select count(*)::int from public.session_staff_notes n where n.session_id = s.id) as notes,
	(select count(*)::int from public.session_notifications d
		where d.session_id = s.id and d.status = 'FAILED') as "failedDeliveries"`;

/** The session and its people, as `lineColumns` names them. */
const lineSources = (tx: Tx) => tx`
	public.session_bookings s
	join public.profiles c on c.id = s.coach_id
	join public.profiles st on st.id = s.student_id
	left join public.profiles pa on pa.id = s.parent_id`;

/** `%` and `_` typed in the family search are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The day's counters; "today" is the viewer's day, counted by the one rule (`sessionsToday`). */
export async function boardCounters(tx: Tx, timeZone: string, now: Date): Promise<BoardCounters> {
	const day = onViewerDay(tx, timeZone, now);
	const [row] = await tx<Omit<BoardCounters, 'today'>[]>`
		select
			(select count(*)::int from public.session_bookings where status = 'IN_PROGRESS') as "inProgress",
			(select count(*)::int from public.session_bookings where ${day} and status = 'CANCELLED')
				as "cancelledToday",
			(select count(*)::int from public.session_bookings where ${day} and status = 'NO_SHOW')
				as "noShowsToday",
			(select count(*)::int from public.session_notifications where status = 'FAILED')
				as "failedNotifications"`;
	return { today: await sessionsToday(tx, timeZone, now), ...row! };
}

export async function loadBoard(
	tx: Tx,
	filters: BoardFilters,
	timeZone: string,
	now: Date
): Promise<BoardData> {
	const from = filters.from ?? dateInZone(now, timeZone);
	const to = addDays(from, filters.days - 1);
	const where = tx`
		(s.starts_at at time zone ${timeZone})::date between ${from}::date and ${to}::date
		${filters.coach ? tx`and s.coach_id = ${filters.coach}` : tx``}
		${filters.subject ? tx`and s.subject_code = ${filters.subject}` : tx``}
		${filters.status ? tx`and s.status = ${filters.status}` : tx``}
		${
			filters.family
				? tx`and (st.first_name || ' ' || st.last_name ilike ${likePattern(filters.family)}
					or pa.first_name || ' ' || pa.last_name ilike ${likePattern(filters.family)})`
				: tx``
		}`;
	const rows = await tx<(BoardRow & { total: number })[]>`
		select ${lineColumns(tx)}, count(*) over ()::int as total
		from ${lineSources(tx)}
		where ${where}
		order by s.starts_at, s.id
		limit ${BOARD_PAGE_SIZE} offset ${(filters.page - 1) * BOARD_PAGE_SIZE}`;
	const coaches = await tx<{ id: string; name: string }[]>`
		select id, first_name || ' ' || last_name as name from public.profiles
		where role = 'coach' order by last_name, first_name`;
	return {
		range: { from, to, days: filters.days },
		filters,
		counters: await boardCounters(tx, timeZone, now),
		sessions: rows.map(({ total: _total, ...row }) => row),
		total: rows[0]?.total ?? 0,
		pageSize: BOARD_PAGE_SIZE,
		coaches,
		subjects: await listSubjects(tx)
	};
}

/** One session's record for the staff: who did what and when, its reminders, its deliveries. */
export async function loadSessionRecord(tx: Tx, id: string): Promise<SessionRecord> {
	const [session] = await tx<
		(BoardRow & {
			description: string | null;
			meetingUrl: string | null;
			cancellationReason: string | null;
		})[]
	>`
		select ${lineColumns(tx)}, s.description, s.meeting_url as "meetingUrl",
			s.cancellation_reason as "cancellationReason"
		from ${lineSources(tx)}
		where s.id = ${id}`;
	if (!session) throw new ApiError(404, 'NOT_FOUND', 'No such session');
	const history = await tx<HistoryEntry[]>`
		select * from (
			select h.created_at as at, 'status' as kind, p.first_name || ' ' || p.last_name as by,
				h.from_status as "fromStatus", h.to_status as "toStatus", h.notes as text, null::int as amount
			from public.session_status_history h left join public.profiles p on p.id = h.changed_by
			where h.session_id = ${id}
			union all
			select n.created_at, 'note', p.first_name || ' ' || p.last_name, null, null, n.body, null
			from public.session_staff_notes n left join public.profiles p on p.id = n.author_id
			where n.session_id = ${id}
			union all
			select t.created_at, 'credits', p.first_name || ' ' || p.last_name, null, null, t.reason, t.amount
			from public.credit_transactions t left join public.profiles p on p.id = t.created_by
			where t.session_id = ${id}
			union all
			select a.created_at, 'staff', p.first_name || ' ' || p.last_name, null, null,
				a.action || coalesce(' : ' || a.reason, ''), null
			from public.staff_actions a left join public.profiles p on p.id = a.actor_id
			where a.session_id = ${id}
		) e order by at, kind`;
	const reminders = await tx<{ type: string; dueAt: Date; status: string; sentAt: Date | null }[]>`
		select reminder_type as type, due_at as "dueAt", status, sent_at as "sentAt"
		from public.session_reminders where session_id = ${id} order by due_at`;
	const deliveries = await tx<DeliveryRow[]>`
		select d.id, d.type, d.method, d.status, p.first_name || ' ' || p.last_name as "recipientName",
			d.title, d.created_at as "createdAt", d.sent_at as "sentAt", d.attempts, d.last_error as "lastError"
		from public.session_notifications d join public.profiles p on p.id = d.recipient_id
		where d.session_id = ${id} order by d.created_at, d.id`;
	const live = session.status === 'SCHEDULED' || session.status === 'CONFIRMED';
	const candidates = live ? await reassignCandidates(tx, id) : [];
	return { session, history, reminders, deliveries, candidates };
}

export async function addStaffNote(tx: Tx, sessionId: string, body: string): Promise<void> {
	const [known] = await tx`select 1 from public.session_bookings where id = ${sessionId}`;
	if (!known) throw new ApiError(404, 'NOT_FOUND', 'No such session');
	await tx`insert into public.session_staff_notes (session_id, body) values (${sessionId}, ${body})`;
}
