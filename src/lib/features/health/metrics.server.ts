/**
 * GET /metrics: this process's request figures (prom-client) and the delivery figures of the
 * last 24 hours from SQL (every process's, whichever served them), in Prometheus's text format.
 * The delivery gauges are built afresh for each scrape from one read: nothing to keep in step.
 */
import { Gauge, Registry } from 'prom-client';
import { withService } from '$lib/server/db';
import { requestRegistry } from '$lib/server/metrics/requests';
import { windowRange, type DeliveryFigures, type Percentiles } from './deliveries';
import { deliveryFigures } from './deliveries.server';

const WINDOW = '24h';
const channelLabel = (channel: string | null) => channel?.toLowerCase() ?? 'all';

const QUANTILES: [string, keyof Percentiles][] = [
	['0.5', 'p50Ms'],
	['0.95', 'p95Ms'],
	['0.99', 'p99Ms'],
	['1', 'maxMs']
];

/** Counts per channel only (a sum over channels is the total); quantiles per channel and "all". */
export function deliveryRegistry(figures: DeliveryFigures): Registry {
	const registry = new Registry();
	const gauge = (name: string, help: string, labelNames: string[]) =>
		new Gauge({ name, help: `${help} (due in the last 24 h)`, labelNames, registers: [registry] });

	const deliveries = gauge(
		'nexus_notification_deliveries',
		'Deliveries by channel and state: sent, failed, in_flight, cancelled',
		['channel', 'state']
	);
	const attempts = gauge(
		'nexus_notification_attempts',
		'Attempts to hand a delivery to its channel, by outcome',
		['channel', 'outcome']
	);
	const success = gauge('nexus_notification_delivery_success_ratio', 'Sent ÷ (sent + failed)', [
		'channel'
	]);
	const latency = gauge(
		'nexus_notification_delivery_latency_seconds',
		'Delivered − due, first-round deliveries (quantile 1 = max)',
		['channel', 'quantile']
	);
	const lateness = gauge(
		'nexus_reminder_lateness_seconds',
		'Reminder deliveries: delivered − the mark’s due time (quantile 1 = max)',
		['channel', 'quantile']
	);
	const late = gauge(
		'nexus_reminders_late',
		`Reminder deliveries more than ${figures.lateAfterMinutes} min late`,
		['channel']
	);
	const overdue = gauge(
		'nexus_reminders_overdue',
		`Reminder marks still waiting more than ${figures.lateAfterMinutes} min after their due time`,
		[]
	);

	const quantiles = (g: Gauge, channel: string, p: Percentiles | null) => {
		if (p) for (const [q, key] of QUANTILES) g.set({ channel, quantile: q }, p[key] / 1000);
	};
	for (const c of figures.channels) {
		const channel = channelLabel(c.channel);
		quantiles(latency, channel, c.latency);
		if (c.channel === null) continue;
		deliveries.set({ channel, state: 'sent' }, c.sent);
		deliveries.set({ channel, state: 'failed' }, c.failed);
		deliveries.set({ channel, state: 'in_flight' }, c.inFlight);
		deliveries.set({ channel, state: 'cancelled' }, c.cancelled);
		attempts.set({ channel, outcome: 'succeeded' }, c.attempts - c.failedAttempts);
		attempts.set({ channel, outcome: 'failed' }, c.failedAttempts);
		if (c.successRate !== null) success.set({ channel }, c.successRate);
	}
	for (const r of figures.reminders) {
		const channel = channelLabel(r.channel);
		quantiles(lateness, channel, r.lateness);
		if (r.channel === null) overdue.set(r.overdue ?? 0);
		else late.set({ channel }, r.late);
	}
	return registry;
}

export async function metricsExposition(now = new Date()) {
	const figures = await withService((tx) => deliveryFigures(tx, windowRange(WINDOW, now)));
	const registry = Registry.merge([requestRegistry, deliveryRegistry(figures)]);
	return { contentType: registry.contentType, text: await registry.metrics() };
}
