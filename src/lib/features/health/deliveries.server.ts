/**
 * The delivery figures of a time range, read through the SQL functions that define them. Runs
 * as the caller: the staff page with the staff member's rights, /metrics on the service path.
 */
import type { Tx } from '$lib/server/db';
import type { NotificationMethod } from '$lib/core/enums';
import {
	everyChannel,
	successRate,
	type ChannelHealth,
	type DeliveryFigures,
	type DueRange,
	type Percentiles,
	type ReminderLateness
} from './deliveries';

export const LATE_AFTER_MINUTES = 5;

// postgres.js returns bigint as a string and double precision as a number.
type Count = string | number;
type Ms = number | null;

interface ChannelRow {
	channel: NotificationMethod | null;
	sent: Count;
	failed: Count;
	in_flight: Count;
	cancelled: Count;
	retried: Count;
	attempts: Count;
	failed_attempts: Count;
	latency_p50_ms: Ms;
	latency_p95_ms: Ms;
	latency_p99_ms: Ms;
	latency_max_ms: Ms;
}

interface LatenessRow {
	channel: NotificationMethod | null;
	delivered: Count;
	late: Count;
	lateness_p50_ms: Ms;
	lateness_p95_ms: Ms;
	lateness_p99_ms: Ms;
	lateness_max_ms: Ms;
	overdue: Count | null;
}

const percentiles = (p50: Ms, p95: Ms, p99: Ms, max: Ms): Percentiles | null =>
	p50 === null || p95 === null || p99 === null || max === null
		? null
		: { p50Ms: p50, p95Ms: p95, p99Ms: p99, maxMs: max };

export async function deliveryHealth(tx: Tx, range: DueRange): Promise<ChannelHealth[]> {
	const rows = await tx<ChannelRow[]>`
		select channel, sent, failed, in_flight, cancelled, retried, attempts, failed_attempts,
		       latency_p50_ms, latency_p95_ms, latency_p99_ms, latency_max_ms
		from public.delivery_health(${range.from}, ${range.to})`;
	const figures = rows.map((r) => ({
		channel: r.channel,
		sent: Number(r.sent),
		failed: Number(r.failed),
		inFlight: Number(r.in_flight),
		cancelled: Number(r.cancelled),
		retried: Number(r.retried),
		attempts: Number(r.attempts),
		failedAttempts: Number(r.failed_attempts),
		successRate: successRate(Number(r.sent), Number(r.failed)),
		latency: percentiles(r.latency_p50_ms, r.latency_p95_ms, r.latency_p99_ms, r.latency_max_ms)
	}));
	return everyChannel(figures, (channel) => ({
		channel,
		sent: 0,
		failed: 0,
		inFlight: 0,
		cancelled: 0,
		retried: 0,
		attempts: 0,
		failedAttempts: 0,
		successRate: null,
		latency: null
	}));
}

export async function reminderLateness(
	tx: Tx,
	range: DueRange,
	lateAfterMinutes = LATE_AFTER_MINUTES
): Promise<ReminderLateness[]> {
	const rows = await tx<LatenessRow[]>`
		select channel, delivered, late, lateness_p50_ms, lateness_p95_ms, lateness_p99_ms,
		       lateness_max_ms, overdue
		from public.reminder_lateness(${range.from}, ${range.to},
		                              make_interval(mins => ${lateAfterMinutes}))`;
	const figures = rows.map((r) => ({
		channel: r.channel,
		delivered: Number(r.delivered),
		late: Number(r.late),
		lateness: percentiles(
			r.lateness_p50_ms,
			r.lateness_p95_ms,
			r.lateness_p99_ms,
			r.lateness_max_ms
		),
		overdue: r.overdue === null ? null : Number(r.overdue)
	}));
	return everyChannel(figures, (channel) => ({
		channel,
		delivered: 0,
		late: 0,
		lateness: null,
		overdue: null
	}));
}

/** Both figures of a range, as the page and /metrics show them. */
export async function deliveryFigures(
	tx: Tx,
	range: DueRange,
	lateAfterMinutes = LATE_AFTER_MINUTES
): Promise<DeliveryFigures> {
	return {
		...range,
		lateAfterMinutes,
		channels: await deliveryHealth(tx, range),
		reminders: await reminderLateness(tx, range, lateAfterMinutes)
	};
}
