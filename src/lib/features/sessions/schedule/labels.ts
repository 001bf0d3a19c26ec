/** Words for sessions: action names, modality, time ranges in the coach's zone. */
import { wallRange } from '$lib/ui/calendar/wall-clock';
import type { I18n, MessageKey } from '$lib/i18n';
import { dateLabel, rangeLabel } from '$lib/i18n/labels';
import type { ActionTarget, ScheduleSession } from './model';

export const actionLabel = (i18n: I18n, to: ActionTarget) =>
	i18n.t(`coach.action.${to}` as MessageKey);

export const statusLabel = (i18n: I18n, status: string) => i18n.t(`status.${status}` as MessageKey);

export function whenLabel(i18n: I18n, session: ScheduleSession, timeZone: string) {
	const { date, startTime, endTime } = wallRange(session.startsAt, session.endsAt, timeZone);
	return { date, day: dateLabel(date, i18n.locale), range: rangeLabel(startTime, endTime) };
}

export const subjectName = (i18n: I18n, session: ScheduleSession) =>
	i18n.locale === 'fr' ? session.subject.nameFr : session.subject.nameEn;
