import { loadAnalytics } from '$lib/features/analytics/coach-analytics.server';
import { loadSchedule } from '$lib/features/sessions/coach-schedule.server';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'coach');
	return withUser(user.claims, async (tx) => ({
		schedule: await loadSchedule(tx, user.id),
		analytics: await loadAnalytics(tx, user.id),
		/** Shown as the copy's time when the service worker serves this page offline. */
		copiedAt: new Date().toISOString()
	}));
};
