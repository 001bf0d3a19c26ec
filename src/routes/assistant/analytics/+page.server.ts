import { dateInZone } from '$lib/core/time/instants';
import { parseTeamFilters } from '$lib/features/analytics/team/filters';
import {
	filterOptions,
	loadTeamAnalyticsConcurrently
} from '$lib/features/analytics/team/team.server';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

/** The team's figures for the chosen period (staff only; the SQL checks it again). */
export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'assistant', 'admin');
	const { timeZone } = await event.parent();
	const filters = parseTeamFilters(event.url.searchParams, dateInZone(new Date(), timeZone));
	const [analytics, options] = await Promise.all([
		loadTeamAnalyticsConcurrently((work) => withUser(user.claims, work), filters, timeZone),
		withUser(user.claims, filterOptions)
	]);
	return { analytics, options };
};
