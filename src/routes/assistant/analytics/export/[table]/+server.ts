import { error } from '@sveltejs/kit';
import { dateInZone } from '$lib/core/time/instants';
import { parseTeamFilters } from '$lib/features/analytics/team/filters';
import { buildTables, isTableId, toCsv } from '$lib/features/analytics/team/tables';
import { loadTeamAnalytics } from '$lib/features/analytics/team/team.server';
import { isSupportedTimeZone } from '$lib/core/time/zones';
import { getMyProfile } from '$lib/features/people/profiles.server';
import { createI18n, DEFAULT_TIME_ZONE, TIME_ZONE_COOKIE } from '$lib/i18n';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import type { RequestHandler } from './$types';

/** One table of /assistant/analytics as CSV, with the page's filters (staff only). */
export const GET: RequestHandler = async (event) => {
	const user = pageUser(event, 'assistant', 'admin');
	const id = event.params.table;
	if (!isTableId(id)) error(404, 'No such table');
	const { analytics, filters, timeZone } = await withUser(user.claims, async (tx) => {
		// The page's zone: the viewer's profile's, else their browser's (the root layout's rule).
		const profile = await getMyProfile(tx);
		const remembered = event.cookies.get(TIME_ZONE_COOKIE);
		const timeZone =
			profile?.timeZone ??
			(remembered && isSupportedTimeZone(remembered) ? remembered : DEFAULT_TIME_ZONE);
		const filters = parseTeamFilters(event.url.searchParams, dateInZone(new Date(), timeZone));
		return { analytics: await loadTeamAnalytics(tx, filters, timeZone), filters, timeZone };
	});
	const i18n = createI18n(
		() => event.locals.locale,
		() => timeZone
	);
	const csv = toCsv(buildTables(analytics, i18n.t)[id]);
	return new Response(`\uFEFF${csv}`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="nexus-${id}-${filters.from}-${filters.to}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
