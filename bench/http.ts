/**
 * HTTP figures against the production build: autocannon, 10 connections, one endpoint at a time.
 * Latencies are recorded for every response (autocannon's own histogram keeps only 2xx) and
 * statuses are counted, so failures are visible, not hidden in a fast p50.
 */
import autocannon, { type AutocannonOptions } from 'autocannon';
import type { Sql } from 'postgres';
import { addDays } from '../src/lib/core/time/wall-clock';
import { dateInZone } from '../src/lib/core/time/instants';
import { BENCH_PASSWORD, createCoaches, createFamilies, utcDate, wallTime } from './fixtures';
import { p50p95, round } from './stats';

const CONNECTIONS = 10;
const DEMO_COACH_MATHS = '00000000-0000-4000-8000-000000000011';
export const DEMO_PARENT = { email: 'parent.martin@nexus.test', password: 'nexus-demo' };

export interface HttpFigures {
	p50_ms: number;
	p95_ms: number;
	rps: number;
	requests: number;
	status: Record<string, number>;
}

export async function signIn(appUrl: string, email: string, password: string): Promise<string> {
	const res = await fetch(`${appUrl}/api/auth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password })
	});
	if (!res.ok) throw new Error(`sign-in ${email}: ${res.status}`);
	return ((await res.json()) as { access_token: string }).access_token;
}

async function measure(options: AutocannonOptions): Promise<HttpFigures> {
	const latencies: number[] = [];
	const status: Record<string, number> = {};
	const started = performance.now();
	const instance = autocannon({ connections: CONNECTIONS, timeout: 10, ...options });
	instance.on('response', (_client: unknown, code: number, _bytes: number, ms: number) => {
		latencies.push(ms);
		status[code] = (status[code] ?? 0) + 1;
	});
	const result = await instance;
	const seconds = (performance.now() - started) / 1000;
	if (result.errors > 0) status.errors = result.errors;
	const { p50, p95 } = p50p95(latencies);
	return {
		p50_ms: round(p50),
		p95_ms: round(p95),
		rps: round(latencies.length / seconds, 1),
		requests: latencies.length,
		status
	};
}

/**
 * Booking requests that should all succeed: request i goes to coach i mod C at the i÷C-th free
 * hour, for student i mod C, so no two requests share a coach hour or a student hour.
 */
async function bookingRequests(appUrl: string, sql: Sql) {
	const size = 20;
	const coaches = await createCoaches(sql, size, 'http');
	const families = await createFamilies(sql, size, 1_000_000, 'http');
	const tokens = await Promise.all(
		families.map((f) => signIn(appUrl, f.studentEmail, BENCH_PASSWORD))
	);
	let next = 0;
	return () => {
		const i = next++;
		const hour = Math.floor(i / size);
		const member = i % size;
		const start = (hour % 24) * 60;
		const body = {
			coachId: coaches[member]!,
			studentId: families[member]!.studentId,
			subject: 'MATHEMATIQUES',
			scheduledDate: utcDate(2 + Math.floor(hour / 24)),
			startTime: wallTime(start),
			endTime: wallTime(start + 60),
			duration: 60,
			title: 'Bench HTTP session',
			creditsToUse: 1
		};
		return { token: tokens[member]!, body: JSON.stringify(body) };
	};
}

export async function benchHttp(appUrl: string, sql: Sql, durationS: number) {
	const parentToken = await signIn(appUrl, DEMO_PARENT.email, DEMO_PARENT.password);
	const today = dateInZone(new Date(), 'Europe/Paris');
	const availability = await measure({
		url: `${appUrl}/api/coaches/availability?coachId=${DEMO_COACH_MATHS}&startDate=${today}&endDate=${addDays(today, 27)}`,
		headers: { authorization: `Bearer ${parentToken}` },
		duration: durationS
	});

	const nextBooking = await bookingRequests(appUrl, sql);
	const book = await measure({
		url: appUrl,
		duration: durationS,
		requests: [
			{
				method: 'POST',
				path: '/api/sessions/book',
				setupRequest: (request) => {
					const { token, body } = nextBooking();
					return {
						...request,
						headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
						body
					};
				}
			}
		]
	});

	const health = await benchHealth(appUrl, durationS);
	return { availability, book, health };
}

/** `GET /api/health` alone: the cost of the request path itself (hooks, metrics), no query work. */
export const benchHealth = (appUrl: string, durationS: number) =>
	measure({ url: `${appUrl}/api/health`, duration: durationS });
