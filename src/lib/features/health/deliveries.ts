/**
 * Delivery health as the page and /metrics show it: plain values from `delivery_health` and
 * `reminder_lateness` (SQL, supabase/migrations/20261207110000_delivery_health.sql), where each
 * count and percentile is defined. Only the success rate is computed here.
 */
import { NOTIFICATION_METHODS, type NotificationMethod } from '$lib/core/enums';

/** Milliseconds; null when nothing was measured. */
export interface Percentiles {
	p50Ms: number;
	p95Ms: number;
	p99Ms: number;
	maxMs: number;
}

export interface ChannelHealth {
	/** null: every channel together. */
	channel: NotificationMethod | null;
	sent: number;
	failed: number;
	inFlight: number;
	cancelled: number;
	/** Sent after at least one failed attempt. */
	retried: number;
	attempts: number;
	failedAttempts: number;
	/** sent ÷ (sent + failed): deliveries still in flight or cancelled are not settled. */
	successRate: number | null;
	latency: Percentiles | null;
}

export interface ReminderLateness {
	channel: NotificationMethod | null;
	delivered: number;
	/** Delivered more than `lateAfterMinutes` after the mark. */
	late: number;
	lateness: Percentiles | null;
	/** Overall row only: marks still waiting past the threshold. */
	overdue: number | null;
}

/** The deliveries due in [from, to). */
export interface DueRange {
	from: Date;
	to: Date;
}

export interface DeliveryFigures extends DueRange {
	lateAfterMinutes: number;
	channels: ChannelHealth[];
	reminders: ReminderLateness[];
}

/**
 * The overall row, then one per channel in the enum's order, a channel without deliveries
 * included (zeros: "nothing went by push" is a figure too, and Prometheus gets no gaps).
 */
export function everyChannel<T extends { channel: NotificationMethod | null }>(
	rows: T[],
	none: (channel: NotificationMethod) => T
): T[] {
	return [
		...rows.filter((r) => r.channel === null),
		...NOTIFICATION_METHODS.map(
			(channel) => rows.find((r) => r.channel === channel) ?? none(channel)
		)
	];
}

export function successRate(sent: number, failed: number): number | null {
	return sent + failed === 0 ? null : sent / (sent + failed);
}

/** The windows the page offers (and /metrics' fixed one: a day). */
export const HEALTH_WINDOWS = ['1h', '24h', '7d', '30d'] as const;
export type HealthWindow = (typeof HEALTH_WINDOWS)[number];
const WINDOW_MS: Record<HealthWindow, number> = {
	'1h': 3_600_000,
	'24h': 86_400_000,
	'7d': 7 * 86_400_000,
	'30d': 30 * 86_400_000
};

export const windowRange = (window: HealthWindow, now: Date): DueRange => ({
	from: new Date(now.getTime() - WINDOW_MS[window]),
	to: now
});
