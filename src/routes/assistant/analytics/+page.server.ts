import { dateInZone } from '$lib/core/time/instants';
import { parseTeamFilters } from '$lib/features/analytics/team/filters';
import { filterOptions, loadTeamAnalytics } from '$lib/features/analytics/team/team.server';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

/** The team's figures for the chosen period (staff only; the SQL checks it again). */
export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'assistant', 'admin');
	const { timeZone } = await event.parent();
	const filters = parseTeamFilters(event.url.searchParams, dateInZone(new Date(), timeZone));
	return withUser(user.claims, async (tx) => ({
		analytics: await loadTeamAnalytics(tx, filters, timeZone),
		options: await filterOptions(tx)
	}));
};
