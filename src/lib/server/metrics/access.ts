import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'disabled' | 'refused' | 'granted';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Who may read /metrics: nobody when no token is configured (the endpoint is off), else the
 * bearer of exactly that token. The comparison is of two SHA-256 digests with timingSafeEqual:
 * equal lengths whatever was sent, so its time says nothing about how much of a guess was right.
 */
export function metricsAccess(
	configured: string | undefined,
	authorization: string | null
): MetricsAccess {
	if (!configured) return 'disabled';
	const sent = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
	const same = timingSafeEqual(digest(sent ?? ''), digest(configured));
	return sent !== undefined && same ? 'granted' : 'refused';
}
