import { z } from 'zod';
import { HEALTH_WINDOWS, windowRange } from '$lib/features/health/deliveries';
import { deliveryFigures } from '$lib/features/health/deliveries.server';
import { clientErrorsByCode, routeHealth } from '$lib/features/health/requests';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import { requestSnapshot } from '$lib/server/metrics/requests';
import type { PageServerLoad } from './$types';

const WindowSchema = z.enum(HEALTH_WINDOWS).catch('24h');

/** Staff only: this process's request figures, and the delivery figures of a period (SQL). */
export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'assistant', 'admin');
	const window = WindowSchema.parse(event.url.searchParams.get('window') ?? undefined);
	const requests = await requestSnapshot();
	const deliveries = await withUser(user.claims, (tx) =>
		deliveryFigures(tx, windowRange(window, new Date()))
	);
	return {
		window,
		startedAt: requests.startedAt,
		routes: routeHealth(requests),
		clientErrors: clientErrorsByCode(requests.clientErrors),
		serverErrors: requests.serverErrors,
		deliveries
	};
};
