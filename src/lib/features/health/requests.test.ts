import { describe, expect, it } from 'vitest';
import { clientErrorsByCode, quantileFromBuckets, routeHealth } from './requests';

const BOUNDS = [0.01, 0.1, 1];

describe('quantileFromBuckets (as histogram_quantile)', () => {
	it('interpolates inside the bucket the rank falls in', () => {
		// 50 under 10 ms, 40 more under 100 ms, 10 more under 1 s.
		const cumulative = [50, 90, 100];
		expect(quantileFromBuckets(BOUNDS, cumulative, 100, 0.5)).toBeCloseTo(0.01);
		expect(quantileFromBuckets(BOUNDS, cumulative, 100, 0.25)).toBeCloseTo(0.005);
		expect(quantileFromBuckets(BOUNDS, cumulative, 100, 0.7)).toBeCloseTo(0.01 + 0.09 * 0.5);
		expect(quantileFromBuckets(BOUNDS, cumulative, 100, 0.95)).toBeCloseTo(0.1 + 0.9 * 0.5);
		expect(quantileFromBuckets(BOUNDS, cumulative, 100, 0.99)).toBeCloseTo(0.1 + 0.9 * 0.9);
	});

	it('is null without observations and the last bound past it', () => {
		expect(quantileFromBuckets(BOUNDS, [0, 0, 0], 0, 0.5)).toBeNull();
		// 10 observations, only 5 under the last bound.
		expect(quantileFromBuckets(BOUNDS, [1, 3, 5], 10, 0.95)).toBe(1);
	});
});

describe('routeHealth', () => {
	const figures = {
		bounds: BOUNDS,
		series: [
			{ method: 'GET', route: '/api/health', status: 200, count: 90, buckets: [90, 90, 90] },
			{ method: 'POST', route: '/api/sessions/book', status: 201, count: 6, buckets: [0, 4, 6] },
			{ method: 'POST', route: '/api/sessions/book', status: 409, count: 3, buckets: [0, 3, 3] },
			{ method: 'POST', route: '/api/sessions/book', status: 500, count: 1, buckets: [0, 0, 0] }
		],
		clientErrors: [],
		serverErrors: []
	};

	it('sums every status of a route, with its error rate; every route together first', () => {
		const [all, health, book] = routeHealth(figures);
		expect(all).toMatchObject({ method: null, route: null, requests: 100, clientErrors: 3 });
		expect(all!.errorRate).toBeCloseTo(0.04);
		expect(health).toMatchObject({ route: '/api/health', requests: 90, errorRate: 0 });
		// Rank 45 of 90, all under 10 ms: halfway into the first bucket.
		expect(health!.p50Ms).toBeCloseTo(5);
		expect(book).toMatchObject({
			method: 'POST',
			route: '/api/sessions/book',
			requests: 10,
			clientErrors: 3,
			serverErrors: 1,
			// 9 of 10 under 1 s: the p99 is past the last bound.
			beyondLastBound: true
		});
		expect(book!.errorRate).toBeCloseTo(0.4);
		// Rank 5 of 10: the 5th of 7 in (10 ms, 100 ms].
		expect(book!.p50Ms).toBeCloseTo(10 + 90 * (5 / 7));
		expect(book!.p99Ms).toBe(1000);
	});

	it('groups the 4xx by code, busiest first', () => {
		const rows = clientErrorsByCode([
			{ method: 'POST', route: '/a', status: 400, code: 'VALIDATION_FAILED', count: 2 },
			{ method: 'POST', route: '/b', status: 409, code: 'SLOT_TAKEN', count: 5 },
			{ method: 'GET', route: '/c', status: 400, code: 'VALIDATION_FAILED', count: 4 }
		]);
		expect(rows.map((r) => [r.code, r.count])).toEqual([
			['VALIDATION_FAILED', 6],
			['SLOT_TAKEN', 5]
		]);
		expect(rows[0]!.routes.map((r) => r.route)).toEqual(['/c', '/a']);
	});
});
