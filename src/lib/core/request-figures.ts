/**
 * The process's request figures as plain values: what the server's registry hands out
 * (`server/metrics/requests.ts`) is what the health feature summarises, one shape for both.
 */

/** One histogram series (route × method × status). */
export interface HistogramSeries {
	method: string;
	route: string;
	status: number;
	count: number;
	/** Cumulative counts per bound (seconds); the +Inf bucket is `count`. */
	buckets: number[];
}

/** A 4xx (with its stable code) or 5xx counter's value for one route × method × status. */
export interface ErrorCount {
	method: string;
	route: string;
	status: number;
	code: string | null;
	count: number;
}

/** Everything the health page summarises, bounds (seconds) first. */
export interface RequestFigures {
	bounds: readonly number[];
	series: HistogramSeries[];
	clientErrors: ErrorCount[];
	serverErrors: ErrorCount[];
}
