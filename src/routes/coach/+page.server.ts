import { loadAnalytics } from '$lib/features/analytics/coach-analytics.server';
import { monthLabel } from '$lib/i18n/labels';
import { drawColumns } from '$lib/ui/charts/draw.server';
import { loadSchedule } from '$lib/features/sessions/coach-schedule.server';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'coach');
	const { schedule, analytics } = await withUser(user.claims, async (tx) => ({
		schedule: await loadSchedule(tx, user.id),
		analytics: await loadAnalytics(tx, user.id)
	}));
	return {
		schedule,
		analytics,
		// Redrawn on every load, so switching the language redraws the month names too.
		monthlyChart: drawColumns(
			analytics.history.map((p) => ({
				label: monthLabel(p.month, event.locals.locale, 'short'),
				value: p.delivered
			}))
		),
		/** Shown as the copy's time when the service worker serves this page offline. */
		copiedAt: new Date().toISOString()
	};
};
