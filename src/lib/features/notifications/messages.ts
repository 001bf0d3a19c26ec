/**
 * The words of a notification, in the recipient's language and time zone: a title, a plain
 * text, an HTML body for mail and a short form for SMS and push. Pure.
 */
import type { NotificationType, ReminderType } from '$lib/core/enums';
import { createI18n, type Locale, type MessageKey } from '$lib/i18n';
import { creditsLabel, labelled, ofName } from '$lib/i18n/format';

export interface SessionFacts {
	id: string;
	title: string;
	subject: { nameFr: string; nameEn: string };
	studentId: string;
	studentName: string;
	coachName: string;
	startsAt: Date;
	endsAt: Date;
	modality: 'ONLINE' | 'IN_PERSON';
	meetingUrl: string | null;
	location: string | null;
}

export interface MessageInput {
	type: NotificationType;
	reminderType?: ReminderType | null;
	locale: Locale;
	timeZone: string;
	session: SessionFacts | null;
	/** Event facts: previousStartsAt, refunded; for credits: amount, balance, studentName, note. */
	data: Record<string, unknown>;
	/** Absolute link to the page that acts on it. */
	link: string;
	/** Absolute link to the preferences screen. */
	preferencesLink: string;
}

export interface RenderedMessage {
	title: string;
	text: string;
	html: string;
	/** One line for SMS and push (≤ 160 characters when the title allows). */
	short: string;
}

const keysOf = <T extends string>(type: T) => ({
	title: `notif.${type}.title` as const,
	body: `notif.${type}.body` as const
});
/** Started and completed have no text of their own (completion asks for feedback). */
const KEYS: Record<NotificationType, { title: MessageKey; body: MessageKey }> = {
	SESSION_BOOKED: keysOf('SESSION_BOOKED'),
	SESSION_CONFIRMED: keysOf('SESSION_CONFIRMED'),
	SESSION_RESCHEDULED: keysOf('SESSION_RESCHEDULED'),
	SESSION_REASSIGNED: keysOf('SESSION_REASSIGNED'),
	SESSION_CANCELLED: keysOf('SESSION_CANCELLED'),
	SESSION_NO_SHOW: keysOf('SESSION_NO_SHOW'),
	SESSION_STARTED: keysOf('SESSION_CONFIRMED'),
	SESSION_COMPLETED: keysOf('FEEDBACK_REQUESTED'),
	FEEDBACK_REQUESTED: keysOf('FEEDBACK_REQUESTED'),
	SESSION_REMINDER: {
		title: 'notif.SESSION_REMINDER.title.ONE_DAY_BEFORE',
		body: 'notif.SESSION_REMINDER.body'
	},
	CREDITS_GRANTED: keysOf('CREDITS_GRANTED'),
	CREDIT_REQUEST_DECLINED: keysOf('CREDIT_REQUEST_DECLINED')
};

const escapeHtml = (value: string) =>
	value.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/** The HTML of every mail the app sends: an optional heading, paragraphs, one link, a footer. */
export function mailHtml(mail: {
	locale: Locale;
	heading: string | null;
	paragraphs: readonly string[];
	link: { href: string; label: string };
	footer: string;
}): string {
	return [
		`<!doctype html><html lang="${mail.locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5">`,
		...(mail.heading ? [`<h1 style="font-size:1.25rem">${escapeHtml(mail.heading)}</h1>`] : []),
		...mail.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
		`<p><a href="${escapeHtml(mail.link.href)}">${escapeHtml(mail.link.label)}</a></p>`,
		`<p style="color:#555;font-size:.85rem">${escapeHtml(mail.footer)}</p>`,
		'</body></html>'
	].join('\n');
}

export function renderMessage(input: MessageInput): RenderedMessage {
	const i18n = createI18n(
		() => input.locale,
		() => input.timeZone
	);
	const when = (at: Date | string) =>
		i18n.date(at, { dateStyle: 'full', timeStyle: 'short' }) + ` (${zoneLabel(input)})`;
	const s = input.session;
	const student = s ? s.studentName : String(input.data.studentName ?? '');
	const params: Record<string, string | number> = s
		? {
				title: s.title,
				subject: input.locale === 'fr' ? s.subject.nameFr : s.subject.nameEn,
				student,
				ofStudent: ofName(student),
				coach: s.coachName,
				when: when(s.startsAt),
				old: input.data.previousStartsAt ? when(String(input.data.previousStartsAt)) : ''
			}
		: {
				credits: creditsLabel(i18n, Number(input.data.amount ?? 0)),
				balance: creditsLabel(i18n, Number(input.data.balance ?? 0)),
				student,
				ofStudent: ofName(student),
				note: String(input.data.note ?? '')
			};
	const keys = KEYS[input.type];
	const title =
		input.type === 'SESSION_REMINDER'
			? i18n.t(`notif.SESSION_REMINDER.title.${input.reminderType ?? 'ONE_DAY_BEFORE'}`)
			: i18n.t(keys.title);
	const lines = [i18n.t(keys.body, params)];
	const refunded = Number(input.data.refunded ?? 0);
	if (input.type === 'SESSION_CANCELLED' && refunded > 0)
		lines[0] +=
			' ' +
			i18n.t('notif.SESSION_CANCELLED.refund', {
				credits: creditsLabel(i18n, refunded)
			});
	if (s && input.type !== 'SESSION_CANCELLED') {
		if (s.modality === 'ONLINE' && s.meetingUrl)
			lines.push(i18n.t('notif.online', { url: s.meetingUrl }));
		if (s.modality === 'IN_PERSON' && s.location)
			lines.push(i18n.t('notif.inPerson', { location: s.location }));
	}
	const footer = i18n.t('notif.footer', { url: input.preferencesLink });
	const text = [...lines, '', labelled(i18n, i18n.t('notif.open')) + input.link, '', footer].join(
		'\n'
	);
	const html = mailHtml({
		locale: input.locale,
		heading: title,
		paragraphs: lines,
		link: { href: input.link, label: i18n.t('notif.open') },
		footer
	});
	const short = `${title} : ${lines[0]}`;
	return { title, text, html, short: short.length > 160 ? short.slice(0, 157) + '…' : short };
}

/** "heure de Paris" would need a name table: the IANA zone is unambiguous in both languages. */
const zoneLabel = (input: Pick<MessageInput, 'timeZone'>) => input.timeZone.replace(/_/g, ' ');
