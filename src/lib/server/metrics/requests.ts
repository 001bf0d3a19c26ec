/**
 * What this server process answered: per SvelteKit route id (a bounded set, never the raw URL,
 * whose ids and query strings would make a series per visitor), method and status, how long it
 * took, and the 4xx by stable error code and the 5xx.
 *
 * Process state on purpose, the one exception to "nothing in a server's memory": these are
 * the process's own figures (Prometheus scrapes each instance and adds them up) and hold no
 * user's data. Figures that must survive restarts and cover every process (deliveries) are
 * computed in SQL instead (features/health).
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { HistogramSeries, RequestFigures } from '$lib/core/request-figures';

export const requestRegistry = new Registry();
collectDefaultMetrics({ register: requestRegistry });

/**
 * Seconds. Fine at the bottom (the health check answers in ~3 ms), the analytics pages' 300 ms
 * target on a bound, and up to 10 s for what hangs.
 */
export const DURATION_BUCKETS = [
	0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5, 10
] as const;

const labelNames = ['method', 'route', 'status'] as const;

const duration = new Histogram({
	name: 'http_request_duration_seconds',
	help: 'Time from a request reaching the app to its answer (headers ready), by SvelteKit route id, method and status',
	labelNames,
	buckets: [...DURATION_BUCKETS],
	registers: [requestRegistry]
});

const clientErrors = new Counter({
	name: 'http_client_errors_total',
	help: 'Answers with a 4xx status, by route id, method, status and stable error code',
	labelNames: [...labelNames, 'code'] as const,
	registers: [requestRegistry]
});

const serverErrors = new Counter({
	name: 'http_server_errors_total',
	help: 'Answers with a 5xx status, by route id, method and status',
	labelNames,
	registers: [requestRegistry]
});

/** When this process started counting: the figures cover [startedAt, now]. */
export const startedAt = new Date();

/** Any other method (a scanner's PROPFIND …) is one label value, not one each. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
export const methodLabel = (method: string) => (METHODS.has(method) ? method : 'OTHER');

/** A request no route matched (a 404 outside /api, which its catch-all route answers). */
export const UNMATCHED_ROUTE = '(none)';

export interface AnsweredRequest {
	method: string;
	route: string | null;
	status: number;
	seconds: number;
	/** The stable error code of a 4xx. */
	code?: string;
}

export function recordRequest({ method, route, status, seconds, code }: AnsweredRequest) {
	const labels = {
		method: methodLabel(method),
		route: route ?? UNMATCHED_ROUTE,
		status: String(status)
	};
	duration.observe(labels, seconds);
	if (status >= 500) serverErrors.inc(labels);
	else if (status >= 400) clientErrors.inc({ ...labels, code: code ?? 'BAD_REQUEST' });
}

export interface RouteSeries extends HistogramSeries {
	sumSeconds: number;
}

export interface RequestSnapshot extends RequestFigures {
	startedAt: Date;
	series: RouteSeries[];
}

/** The process's figures so far, as plain values (for the staff's health page). */
export async function requestSnapshot(): Promise<RequestSnapshot> {
	const series = new Map<string, RouteSeries>();
	const seriesOf = (labels: Partial<Record<string, string | number>>) => {
		const key = `${labels.method} ${labels.route} ${labels.status}`;
		let entry = series.get(key);
		if (!entry) {
			entry = {
				method: String(labels.method),
				route: String(labels.route),
				status: Number(labels.status),
				count: 0,
				sumSeconds: 0,
				buckets: DURATION_BUCKETS.map(() => 0)
			};
			series.set(key, entry);
		}
		return entry;
	};
	for (const v of (await duration.get()).values) {
		const labels: Record<string, string | number | undefined> = v.labels;
		const entry = seriesOf(labels);
		const name = v.metricName ?? '';
		if (name.endsWith('_count')) entry.count = v.value;
		else if (name.endsWith('_sum')) entry.sumSeconds = v.value;
		else {
			const i = DURATION_BUCKETS.indexOf(Number(labels.le) as (typeof DURATION_BUCKETS)[number]);
			if (i >= 0) entry.buckets[i] = v.value;
		}
	}
	const counts = async (counter: Counter<string>) =>
		(await counter.get()).values.map((v) => ({
			method: String(v.labels.method),
			route: String(v.labels.route),
			status: Number(v.labels.status),
			code: v.labels.code === undefined ? null : String(v.labels.code),
			count: v.value
		}));
	return {
		startedAt,
		bounds: DURATION_BUCKETS,
		series: [...series.values()],
		clientErrors: await counts(clientErrors),
		serverErrors: await counts(serverErrors)
	};
}
