import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAppServer } from '../support/app-server';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../support/demo';

/**
 * GET /metrics and /assistant/health on servers of their own (the run's shared server answers
 * every other test's requests, so its counts are not this file's): one with a METRICS_TOKEN,
 * one without. Both on the run's database; no notification engine (nothing to send here).
 */
const TOKEN = randomBytes(24).toString('hex');
let withToken: Awaited<ReturnType<typeof startAppServer>>;
let withoutToken: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
	[withToken, withoutToken] = await Promise.all([
		startAppServer(inject('databaseUrl'), { NEXUS_WORKFLOWS: 'off', METRICS_TOKEN: TOKEN }),
		startAppServer(inject('databaseUrl'), { NEXUS_WORKFLOWS: 'off' })
	]);
});
afterAll(async () => {
	await Promise.all([withToken?.stop(), withoutToken?.stop()]);
});

const scrape = (base: string, authorization?: string) =>
	fetch(`${base}/metrics`, { headers: authorization ? { authorization } : {} });

interface Sample {
	name: string;
	labels: Record<string, string>;
	value: number;
}

/** Prometheus's text format, the sample lines (`name{label="value",…} 12`). */
function samples(text: string): Sample[] {
	return text
		.split('\n')
		.filter((line) => line && !line.startsWith('#'))
		.map((line) => {
			const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
			if (!match) throw new Error(`not a sample line: ${line}`);
			const labels = Object.fromEntries(
				[...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!])
			);
			return { name: match[1]!, labels, value: Number(match[3]) };
		});
}

const find = (all: Sample[], name: string, labels: Record<string, string>) =>
	all.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

async function tokenOn(base: string, email: string) {
	const res = await fetch(`${base}/api/auth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: DEMO_PASSWORD })
	});
	expect(res.status).toBe(200);
	return ((await res.json()) as { access_token: string }).access_token;
}

describe('GET /metrics', () => {
	it('answers 404 JSON saying it is disabled when no METRICS_TOKEN is configured', async () => {
		for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
			const res = await scrape(withoutToken.url, authorization);
			expect(res.status).toBe(404);
			expect(res.headers.get('content-type')).toMatch(/^application\/json/);
			const body = await res.json();
			expect(body.error.code).toBe('NOT_FOUND');
			expect(body.error.message).toMatch(/disabled/i);
		}
	});

	it('refuses without the token, with a wrong one and with a person’s token: 401 JSON', async () => {
		const staff = await tokenOn(withToken.url, DEMO_EMAILS.assistant);
		for (const authorization of [
			undefined,
			`Bearer ${TOKEN}0`,
			`Bearer ${TOKEN.slice(1)}`,
			`Basic ${TOKEN}`,
			`Bearer ${staff}`
		]) {
			const res = await scrape(withToken.url, authorization);
			expect(res.status, String(authorization)).toBe(401);
			expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
			expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
		}
	});

	it('with the token: the histogram of a route just called and the 4xx counter of the code just provoked', async () => {
		const before = samples(await (await scrape(withToken.url, `Bearer ${TOKEN}`)).text());
		const booking = { name: 'http_client_errors_total', route: '/api/sessions/book' };
		expect(find(before, booking.name, { route: booking.route })).toEqual([]);

		expect((await fetch(`${withToken.url}/api/health`)).status).toBe(200);
		const parent = await tokenOn(withToken.url, DEMO_EMAILS.parentMartin);
		const refused = await fetch(`${withToken.url}/api/sessions/book`, {
			method: 'POST',
			headers: { authorization: `Bearer ${parent}`, 'content-type': 'application/json' },
			body: '{}'
		});
		expect(refused.status).toBe(400);
		expect((await refused.json()).error.code).toBe('VALIDATION_FAILED');

		const res = await scrape(withToken.url, `Bearer ${TOKEN}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		const text = await res.text();
		const after = samples(text);
		expect(text).toContain('# TYPE http_request_duration_seconds histogram');

		const health = { method: 'GET', route: '/api/health', status: '200' };
		const count = (all: Sample[]) =>
			find(all, 'http_request_duration_seconds_count', health)[0]?.value ?? 0;
		expect(count(after)).toBe(count(before) + 1);
		const buckets = find(after, 'http_request_duration_seconds_bucket', health);
		expect(buckets.map((b) => b.labels.le)).toContain('+Inf');
		expect(buckets.find((b) => b.labels.le === '+Inf')!.value).toBe(count(after));

		// The code from the answer's body (the status alone would say BAD_REQUEST).
		expect(find(after, booking.name, { route: booking.route })).toEqual([
			{
				name: booking.name,
				labels: { method: 'POST', route: booking.route, status: '400', code: 'VALIDATION_FAILED' },
				value: 1
			}
		]);

		// The delivery figures from SQL, every channel.
		expect(text).toContain('# TYPE nexus_notification_deliveries gauge');
		expect(text).toContain('# TYPE nexus_reminders_overdue gauge');
		expect(find(after, 'nexus_reminders_overdue', {})).toHaveLength(1);
	});

	it('counts a page redirected to sign-in under its route id, not its address', async () => {
		const res = await fetch(`${withToken.url}/sessions/${crypto.randomUUID()}/cancel?x=1`, {
			redirect: 'manual'
		});
		expect(res.status).toBe(303);
		const after = samples(await (await scrape(withToken.url, `Bearer ${TOKEN}`)).text());
		expect(
			find(after, 'http_request_duration_seconds_count', {
				route: '/sessions/[id]/cancel',
				status: '303'
			})[0]?.value
		).toBe(1);
	});
});

describe('/assistant/health', () => {
	it('is refused to a family and a coach (403), shown to staff', async () => {
		for (const email of [DEMO_EMAILS.parentMartin, DEMO_EMAILS.lucas, DEMO_EMAILS.coachMaths]) {
			const token = await tokenOn(withToken.url, email);
			const res = await fetch(`${withToken.url}/assistant/health`, {
				headers: { authorization: `Bearer ${token}` },
				redirect: 'manual'
			});
			expect(res.status, email).toBe(403);
		}
		const staff = await tokenOn(withToken.url, DEMO_EMAILS.assistant);
		const res = await fetch(`${withToken.url}/assistant/health`, {
			headers: { authorization: `Bearer ${staff}`, 'accept-language': 'fr' }
		});
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Santé du système');
	});

	it('sends a visitor who is not signed in to the sign-in page', async () => {
		const res = await fetch(`${withToken.url}/assistant/health`, { redirect: 'manual' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/^\/login\?next=%2Fassistant%2Fhealth/);
	});
});
