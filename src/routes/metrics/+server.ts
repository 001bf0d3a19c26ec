import { metricsExposition } from '$lib/features/health/metrics.server';
import { readServerEnv } from '$lib/server/config/env';
import { ApiError, errorResponse } from '$lib/server/http/errors';
import { metricsAccess } from '$lib/server/metrics/access';
import type { RequestHandler } from './$types';

/** Prometheus's scrape, behind the METRICS_TOKEN bearer token (off without one). */
export const GET: RequestHandler = async ({ request }) => {
	const access = metricsAccess(readServerEnv().METRICS_TOKEN, request.headers.get('authorization'));
	if (access === 'disabled') {
		return errorResponse(
			new ApiError(404, 'NOT_FOUND', 'Metrics are disabled: set METRICS_TOKEN to enable them')
		);
	}
	if (access === 'refused') {
		return errorResponse(
			new ApiError(401, 'UNAUTHENTICATED', 'Send the metrics token: Authorization: Bearer <token>'),
			{ 'www-authenticate': 'Bearer realm="metrics"' }
		);
	}
	const { contentType, text } = await metricsExposition();
	return new Response(text, {
		headers: { 'content-type': contentType, 'cache-control': 'no-store' }
	});
};
