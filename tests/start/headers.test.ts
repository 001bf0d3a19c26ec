import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../support/demo';
import { hasBuild, rawRequest, startedServer } from '../support/start-process';

/**
 * Security headers of `npm start` (scripts/serve.js around the build): pages, API answers and
 * static files. The server trusts X-Forwarded-Proto here (PROTOCOL_HEADER), as behind a TLS proxy,
 * so one server shows both the http and the https answers.
 */
describe.skipIf(!hasBuild())('security headers', () => {
	const started = startedServer({ PROTOCOL_HEADER: 'x-forwarded-proto' });
	let token: string;

	const get = (path: string, headers: Record<string, string> = {}, proto = 'http') =>
		rawRequest({
			address: '127.0.0.1',
			port: started.port,
			path,
			headers: { host: `localhost:${started.port}`, 'x-forwarded-proto': proto, ...headers }
		});

	beforeAll(async () => {
		const res = await rawRequest({
			address: '127.0.0.1',
			port: started.port,
			method: 'POST',
			path: '/api/auth/token',
			headers: { host: `localhost:${started.port}`, 'content-type': 'application/json' },
			body: JSON.stringify({ email: DEMO_EMAILS.lucas, password: DEMO_PASSWORD })
		});
		token = JSON.parse(res.body).access_token;
	});

	it('pages carry a nonce-based Content-Security-Policy matching their inline script', async () => {
		const res = await get('/login');
		expect(res.status).toBe(200);
		const csp = String(res.headers['content-security-policy']);
		const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
		expect(nonce, csp).toBeTruthy();
		expect(res.body).toContain(`<script nonce="${nonce}">`);
		for (const directive of [
			"default-src 'self'",
			"object-src 'none'",
			"base-uri 'self'",
			"form-action 'self'",
			"frame-ancestors 'none'"
		]) {
			expect(csp).toContain(directive);
		}
		expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
	});

	it('pages and API answers forbid sniffing, framing, powerful features and shared openers', async () => {
		for (const path of ['/login', '/api/health', '/api/me']) {
			const res = await get(path);
			expect(res.headers['x-content-type-options'], path).toBe('nosniff');
			expect(res.headers['cross-origin-opener-policy'], path).toBe('same-origin');
			expect(res.headers['permissions-policy'], path).toMatch(/camera=\(\).*geolocation=\(\)/);
			expect(res.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		}
		expect((await get('/login')).headers['x-frame-options']).toBe('DENY');
	});

	it('API answers and signed-in pages are never cached', async () => {
		for (const path of ['/api/health', '/api/me', '/api/nothing-here']) {
			expect((await get(path)).headers['cache-control'], path).toBe('no-store');
		}
		const signedIn = { authorization: `Bearer ${token}` };
		for (const path of ['/student', '/sessions', '/api/me']) {
			const res = await get(path, signedIn);
			expect(res.status, path).toBe(200);
			expect(res.headers['cache-control'], path).toBe('no-store');
		}
	});

	it('static files are nosniff too', async () => {
		const page = await get('/login');
		const script = /(_app\/immutable\/[^"]+\.js)/.exec(page.body)?.[1];
		expect(script).toBeTruthy();
		for (const path of ['/favicon.svg', `/${script}`]) {
			const res = await get(path);
			expect(res.status, path).toBe(200);
			expect(res.headers['x-content-type-options'], path).toBe('nosniff');
		}
	});

	it('HSTS only when served over https', async () => {
		for (const path of ['/login', '/api/health']) {
			expect((await get(path)).headers['strict-transport-security'], path).toBeUndefined();
			const https = await get(path, {}, 'https');
			expect(https.headers['strict-transport-security'], path).toMatch(/^max-age=\d{8,}/);
		}
	});

	it('a refused cross-site form post gets the same headers', async () => {
		const res = await rawRequest({
			address: '127.0.0.1',
			port: started.port,
			method: 'POST',
			path: '/api/sessions/book',
			headers: {
				host: `localhost:${started.port}`,
				'x-forwarded-proto': 'http',
				origin: 'http://evil.example',
				'content-type': 'text/plain'
			},
			body: 'x'
		});
		expect(res.status).toBe(403);
		expect(res.headers['cache-control']).toBe('no-store');
		expect(res.headers['x-content-type-options']).toBe('nosniff');
	});
});
