import { inject } from 'vitest';
import { DEMO_PASSWORD } from './demo';

/** Base URL of the app under test (global setup serves the production build). */
export function appUrl(): string {
	const url = inject('appUrl');
	if (!url) throw new Error('API tests need the production build: run `npm run build` first');
	return url;
}

const tokens = new Map<string, string>();

/** A bearer token for an account, through the public token endpoint (cached per run). */
export async function tokenFor(email: string, password = DEMO_PASSWORD): Promise<string> {
	const cached = tokens.get(email);
	if (cached) return cached;
	const res = await fetch(`${appUrl()}/api/auth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password })
	});
	if (!res.ok) throw new Error(`token for ${email}: ${res.status} ${await res.text()}`);
	const token = ((await res.json()) as { access_token: string }).access_token;
	tokens.set(email, token);
	return token;
}

export interface ApiResult<T = unknown> {
	status: number;
	body: T;
}

/** Call the JSON API; `as` is an email (signed in with the demo password) or a raw token. */
export async function call<T = any>(
	method: string,
	path: string,
	options: { as?: string; token?: string; body?: unknown; rawBody?: string } = {}
): Promise<ApiResult<T>> {
	const headers: Record<string, string> = {};
	const token = options.token ?? (options.as ? await tokenFor(options.as) : undefined);
	if (token) headers.authorization = `Bearer ${token}`;
	if (options.body !== undefined || options.rawBody !== undefined)
		headers['content-type'] = 'application/json';
	const res = await fetch(`${appUrl()}${path}`, {
		method,
		headers,
		body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
	});
	const text = await res.text();
	return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
