import { loadAnalytics } from '$lib/server/coach-workspace/analytics';
import { loadSchedule } from '$lib/server/coach-workspace/schedule';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'coach');
	return withUser(user.claims, async (tx) => ({
		schedule: await loadSchedule(tx, user.id),
		analytics: await loadAnalytics(tx, user.id)
	}));
};
