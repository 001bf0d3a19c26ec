/** Words for sessions: action names, modality, time ranges in the coach's zone. */
import { wallRange } from '$lib/ui/calendar/wall-clock';
import type { SessionStatus } from '$lib/core/enums';
import type { I18n } from '$lib/i18n';
import { dateLabel, rangeLabel } from '$lib/i18n/labels';
import type { ActionTarget, ScheduleSession } from './model';

// Keys built from a closed union (`as const` keeps the template's literal type), so a missing
// message is a type error, not a cast that hides it.
export const actionLabel = (i18n: I18n, to: ActionTarget) => i18n.t(`coach.action.${to}` as const);

export const statusLabel = (i18n: I18n, status: SessionStatus) =>
	i18n.t(`status.${status}` as const);

export function whenLabel(i18n: I18n, session: ScheduleSession, timeZone: string) {
	const { date, startTime, endTime } = wallRange(session.startsAt, session.endsAt, timeZone);
	return { date, day: dateLabel(date, i18n.locale), range: rangeLabel(startTime, endTime) };
}

export const subjectName = (i18n: I18n, session: ScheduleSession) =>
	i18n.locale === 'fr' ? session.subject.nameFr : session.subject.nameEn;
