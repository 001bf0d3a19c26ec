/**
 * Response times and errors per route from the process's histogram: a quantile is estimated
 * inside the bucket it falls in, by linear interpolation, as Prometheus's histogram_quantile
 * does, so the page and a Prometheus query over /metrics agree.
 */

import type { ErrorCount, HistogramSeries, RequestFigures } from '$lib/core/request-figures';

export type { ErrorCount };

/**
 * The q-quantile (0 < q ≤ 1) in seconds, null without observations. Past the last bound it is
 * that bound: the histogram knows no more (the page says "at least").
 */
export function quantileFromBuckets(
	bounds: readonly number[],
	cumulative: readonly number[],
	total: number,
	q: number
): number | null {
	if (total <= 0) return null;
	const rank = q * total;
	const i = cumulative.findIndex((count) => count >= rank);
	if (i < 0) return bounds.at(-1) ?? null;
	const lower = i === 0 ? 0 : bounds[i - 1]!;
	const below = i === 0 ? 0 : cumulative[i - 1]!;
	const inBucket = cumulative[i]! - below;
	if (inBucket <= 0) return bounds[i]!;
	return lower + (bounds[i]! - lower) * ((rank - below) / inBucket);
}

export interface RouteHealth {
	/** "GET /api/health"; every route together: null. */
	method: string | null;
	route: string | null;
	requests: number;
	p50Ms: number | null;
	p95Ms: number | null;
	p99Ms: number | null;
	/** Beyond the histogram's last bound: the quantiles above are lower bounds. */
	beyondLastBound: boolean;
	clientErrors: number;
	serverErrors: number;
	/** (4xx + 5xx) ÷ requests. */
	errorRate: number | null;
}

function summarise(
	bounds: readonly number[],
	series: HistogramSeries[],
	key: { method: string | null; route: string | null }
): RouteHealth {
	const buckets = bounds.map((_, i) => series.reduce((sum, s) => sum + (s.buckets[i] ?? 0), 0));
	const requests = series.reduce((sum, s) => sum + s.count, 0);
	const clientErrors = series.filter((s) => s.status >= 400 && s.status < 500);
	const serverErrors = series.filter((s) => s.status >= 500);
	const count = (list: HistogramSeries[]) => list.reduce((sum, s) => sum + s.count, 0);
	const ms = (q: number) => {
		const seconds = quantileFromBuckets(bounds, buckets, requests, q);
		return seconds === null ? null : seconds * 1000;
	};
	return {
		...key,
		requests,
		p50Ms: ms(0.5),
		p95Ms: ms(0.95),
		p99Ms: ms(0.99),
		beyondLastBound: requests > 0 && (buckets.at(-1) ?? 0) < 0.99 * requests,
		clientErrors: count(clientErrors),
		serverErrors: count(serverErrors),
		errorRate: requests ? (count(clientErrors) + count(serverErrors)) / requests : null
	};
}

/** Every route together first, then each route × method, busiest first. */
export function routeHealth({ bounds, series }: RequestFigures): RouteHealth[] {
	const groups = new Map<string, HistogramSeries[]>();
	for (const s of series) {
		const key = `${s.method} ${s.route}`;
		groups.set(key, [...(groups.get(key) ?? []), s]);
	}
	const routes = [...groups.values()]
		.map((list) => summarise(bounds, list, { method: list[0]!.method, route: list[0]!.route }))
		.sort((a, b) => b.requests - a.requests || `${a.route}`.localeCompare(`${b.route}`));
	return [summarise(bounds, series, { method: null, route: null }), ...routes];
}

/** The 4xx by code (busiest first), each with where it was answered. */
export function clientErrorsByCode(errors: ErrorCount[]) {
	const byCode = new Map<string, { code: string; count: number; routes: ErrorCount[] }>();
	for (const e of errors) {
		const code = e.code ?? 'BAD_REQUEST';
		const entry = byCode.get(code) ?? { code, count: 0, routes: [] };
		entry.count += e.count;
		entry.routes.push(e);
		byCode.set(code, entry);
	}
	return [...byCode.values()]
		.map((e) => ({ ...e, routes: e.routes.toSorted((a, b) => b.count - a.count) }))
		.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
