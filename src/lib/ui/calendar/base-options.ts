/**
 * What every calendar of the app shares (the coach's availability editor and schedule): the
 * plugins and locales, the language, the coach's zone, weeks from Monday, a time grid without an
 * all-day row, 24-hour labels, and named navigation buttons. Each calendar adds its own.
 */
import type { CalendarOptions } from '@fullcalendar/core';
import type { I18n } from '$lib/i18n';
import { calendarLocale } from '$lib/i18n/intl';
import type { CalendarKit } from './load';

const HOUR_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;

export function baseCalendarOptions(
	kit: CalendarKit,
	i18n: Pick<I18n, 'locale' | 't'>,
	timeZone: string
): CalendarOptions {
	return {
		plugins: kit.plugins,
		locales: kit.locales,
		locale: calendarLocale(i18n.locale),
		timeZone,
		firstDay: 1,
		buttonHints: {
			prev: i18n.t('coach.calendar.previous'),
			next: i18n.t('coach.calendar.next'),
			today: i18n.t('coach.calendar.today')
		},
		height: 'auto',
		allDaySlot: false,
		nowIndicator: true,
		slotLabelFormat: HOUR_FORMAT,
		eventTimeFormat: HOUR_FORMAT,
		dayHeaderFormat: { weekday: 'short', day: 'numeric' },
		eventInteractive: true
	};
}
