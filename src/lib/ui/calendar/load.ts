/**
 * FullCalendar and its plugins, fetched on demand: only pages that mount a calendar download
 * this chunk (v6 injects its own CSS when the modules run).
 */
import type { Calendar, CalendarOptions, PluginDef } from '@fullcalendar/core';

export interface CalendarKit {
	Calendar: typeof Calendar;
	plugins: PluginDef[];
	locales: NonNullable<CalendarOptions['locales']>;
}

/** The module loader caches each import, so mounting again costs nothing. */
export async function loadCalendarKit(): Promise<CalendarKit> {
	const [core, timeGrid, interaction, list, luxon, fr, enGb] = await Promise.all([
		import('@fullcalendar/core'),
		import('@fullcalendar/timegrid'),
		import('@fullcalendar/interaction'),
		import('@fullcalendar/list'),
		import('@fullcalendar/luxon3'),
		import('@fullcalendar/core/locales/fr'),
		import('@fullcalendar/core/locales/en-gb')
	]);
	return {
		Calendar: core.Calendar,
		plugins: [timeGrid.default, interaction.default, list.default, luxon.default],
		locales: [fr.default, enGb.default]
	};
}
