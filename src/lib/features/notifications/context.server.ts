import type { Tx } from '$lib/server/db';
import type { SessionFacts } from './messages';
import type { Recipient, Relation } from './routing';

export interface SessionContext {
	facts: SessionFacts;
	status: string;
	rated: boolean;
	recipients: Recipient[];
}

interface RecipientRow {
	id: string;
	relation: Relation;
	email: string | null;
	phone: string | null;
	locale: 'fr' | 'en';
	time_zone: string;
	notify_email: boolean;
	notify_sms: boolean;
	notify_push: boolean;
	quiet_hours_start: string | null;
	quiet_hours_end: string | null;
	has_push: boolean;
	preferences: Record<string, boolean>;
}

const hhmm = (time: string) => time.slice(0, 5);

export const toRecipient = (r: RecipientRow): Recipient => ({
	id: r.id,
	relation: r.relation,
	email: r.email,
	phone: r.phone,
	locale: r.locale,
	timeZone: r.time_zone,
	channels: { EMAIL: r.notify_email, SMS: r.notify_sms, PUSH: r.notify_push },
	quietHours:
		r.quiet_hours_start && r.quiet_hours_end
			? { start: hhmm(r.quiet_hours_start), end: hhmm(r.quiet_hours_end) }
			: null,
	preferences: r.preferences,
	hasPushSubscription: r.has_push
});

/** A profile's contact details, switches and choices, as `recipients` selects them. */
const RECIPIENT_COLUMNS = `p.id, p.email, p.phone, p.locale, p.time_zone, p.notify_email, p.notify_sms,
	p.notify_push, p.quiet_hours_start::text, p.quiet_hours_end::text,
	exists (select 1 from public.push_subscriptions ps where ps.user_id = p.id) as has_push,
	coalesce((select jsonb_object_agg(np.type || ':' || np.method, np.enabled)
	          from public.notification_preferences np where np.user_id = p.id), '{}'::jsonb) as preferences`;

/** The session and everyone related to it (coach, student, parents, assistants). */
export async function sessionContext(tx: Tx, sessionId: string): Promise<SessionContext | null> {
	const [session] = await tx<
		{
			id: string;
			title: string;
			student_id: string;
			name_fr: string;
			name_en: string;
			student_name: string;
			coach_name: string;
			starts_at: Date;
			ends_at: Date;
			modality: 'ONLINE' | 'IN_PERSON';
			meeting_url: string | null;
			location: string | null;
			status: string;
			rated: boolean;
		}[]
	>`
		select s.id, s.title, s.student_id, sub.name_fr, sub.name_en, st.first_name as student_name,
		       co.first_name || ' ' || co.last_name as coach_name, s.starts_at, s.ends_at,
		       s.modality::text as modality, s.meeting_url, s.location, s.status::text as status,
		       s.rating is not null as rated
		from public.session_bookings s
		join public.subjects sub on sub.code = s.subject_code
		join public.profiles st on st.id = s.student_id
		join public.profiles co on co.id = s.coach_id
		where s.id = ${sessionId}`;
	if (!session) return null;
	const rows = await tx.unsafe<RecipientRow[]>(
		`select rel.relation, ${RECIPIENT_COLUMNS}
		 from public.session_bookings s
		 cross join lateral (
		   select s.coach_id as id, 'coach' as relation
		   union all select s.student_id, 'student'
		   union all select ps.parent_id, 'parent' from public.parent_students ps
		     where ps.student_id = s.student_id
		   union all select pr.id, 'assistant' from public.profiles pr where pr.role = 'assistant'
		 ) rel
		 join public.profiles p on p.id = rel.id
		 where s.id = $1`,
		[sessionId]
	);
	return {
		facts: {
			id: session.id,
			title: session.title,
			subject: { nameFr: session.name_fr, nameEn: session.name_en },
			studentId: session.student_id,
			studentName: session.student_name,
			coachName: session.coach_name,
			startsAt: session.starts_at,
			endsAt: session.ends_at,
			modality: session.modality,
			meetingUrl: session.meeting_url,
			location: session.location
		},
		status: session.status,
		rated: session.rated,
		recipients: rows.map(toRecipient)
	};
}

/**
 * One person as a recipient with the given relation: the coach a reassigned session was taken
 * from, who is no longer related to it but must learn it left their week.
 */
export async function recipientById(
	tx: Tx,
	id: string,
	relation: Relation
): Promise<Recipient | null> {
	const [row] = await tx.unsafe<RecipientRow[]>(
		`select $2::text as relation, ${RECIPIENT_COLUMNS} from public.profiles p where p.id = $1`,
		[id, relation]
	);
	return row ? toRecipient(row) : null;
}

/** A student whose credits changed, and everyone told of it (the student and their parents). */
export async function familyContext(
	tx: Tx,
	studentId: string
): Promise<{ studentName: string; recipients: Recipient[] } | null> {
	const [student] = await tx<{ first_name: string }[]>`
		select first_name from public.profiles where id = ${studentId} and role = 'student'`;
	if (!student) return null;
	const rows = await tx.unsafe<RecipientRow[]>(
		`select rel.relation, ${RECIPIENT_COLUMNS}
		 from (select $1::uuid as id, 'student' as relation
		       union all select ps.parent_id, 'parent' from public.parent_students ps
		       where ps.student_id = $1::uuid) rel
		 join public.profiles p on p.id = rel.id`,
		[studentId]
	);
	return { studentName: student.first_name, recipients: rows.map(toRecipient) };
}
