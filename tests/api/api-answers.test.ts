/**
 * Every /api answer is the JSON error shape with a stable code, including those SvelteKit
 * writes itself: unknown methods, cross-site form posts, oversized and malformed requests.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { appUrl, tokenFor } from '../support/api';
import { DEMO_EMAILS } from '../support/demo';

async function answer(path: string, init: RequestInit = {}) {
	const res = await fetch(`${appUrl()}${path}`, { redirect: 'manual', ...init });
	const text = await res.text();
	let body: any = null;
	try {
		body = JSON.parse(text);
	} catch {
		/* asserted below */
	}
	return {
		status: res.status,
		type: res.headers.get('content-type'),
		headers: res.headers,
		body,
		text
	};
}

/** A POST that declares `length` bytes but sends 1 kB of them, read over a raw socket. */
function declaredOnly(path: string, length: number) {
	const url = new URL(path, appUrl());
	return new Promise<{ status: number; type: string | undefined; text: string }>(
		(resolve, reject) => {
			const socket = connect(Number(url.port), url.hostname);
			let raw = '';
			socket.setEncoding('utf8');
			socket.on('data', (chunk: string) => (raw += chunk));
			socket.on('error', reject);
			socket.on('close', () => {
				const [head = '', ...rest] = raw.split('\r\n\r\n');
				const type = /^content-type:\s*(.+)$/im.exec(head)?.[1];
				resolve({ status: Number(head.split(' ')[1]), type, text: rest.join('\r\n\r\n') });
			});
			socket.write(
				`POST ${url.pathname} HTTP/1.1\r\nhost: ${url.host}\r\n` +
					`content-type: application/json\r\ncontent-length: ${length}\r\n\r\n` +
					'x'.repeat(1024)
			);
		}
	);
}

function expectJsonError(res: Awaited<ReturnType<typeof answer>>, status: number, code: string) {
	expect(res.status, res.text).toBe(status);
	expect(res.type).toMatch(/^application\/json/);
	expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
}

describe('the API answers in JSON even where SvelteKit answers first', () => {
	it('a method a route does not export is 405 METHOD_NOT_ALLOWED, with Allow', async () => {
		for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
			const res = await answer('/api/health', { method });
			expectJsonError(res, 405, 'METHOD_NOT_ALLOWED');
			expect(res.headers.get('allow')).toMatch(/GET/);
		}
	});

	it('a cross-site form post to the API is 403 CROSS_SITE_REQUEST, and changes nothing', async () => {
		for (const type of [
			'text/plain',
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x'
		]) {
			const res = await answer('/api/sessions/book', {
				method: 'POST',
				headers: { 'content-type': type, origin: 'http://evil.example' },
				body: 'x'
			});
			expectJsonError(res, 403, 'CROSS_SITE_REQUEST');
		}
	});

	it('a cross-site form post to a page is still refused (as SvelteKit did, in text)', async () => {
		const res = await answer('/login', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'http://evil.example',
				accept: 'text/html'
			},
			body: 'email=a%40b.fr&password=x'
		});
		expect(res.status).toBe(403);
		expect(res.text).toMatch(/Cross-site POST form submissions are forbidden/);
	});

	it('a same-origin form post and a cross-site JSON request both go through the check', async () => {
		const sameOrigin = await answer('/login', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: appUrl(),
				accept: 'text/html'
			},
			body: 'email=nobody%40nexus.test&password=wrong-password'
		});
		expect(sameOrigin.status).toBe(400);
		// JSON cannot be sent cross-site without a CORS preflight: not a CSRF vector.
		const json = await answer('/api/auth/token', {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
			body: JSON.stringify({ email: 'nobody@nexus.test', password: 'wrong-password' })
		});
		expectJsonError(json, 401, 'INVALID_CREDENTIALS');
	});

	it('an oversized body is 413 PAYLOAD_TOO_LARGE, declared or chunked', async () => {
		const token = await tokenFor(DEMO_EMAILS.lucas);
		const big = JSON.stringify({ title: 'x'.repeat(200_000) });
		const declared = await answer('/api/sessions/book', {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
			body: big
		});
		expectJsonError(declared, 413, 'PAYLOAD_TOO_LARGE');
		const chunked = await answer('/api/sessions/book', {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
			body: new Blob([big]).stream(),
			// @ts-expect-error Node's fetch needs it for a stream body
			duplex: 'half'
		});
		expectJsonError(chunked, 413, 'PAYLOAD_TOO_LARGE');
		// Past adapter-node's own limit (512 kB) too. It answers from the declared length before
		// reading a byte, then closes: a client still uploading may get a reset before it reads
		// that answer (fetch: EPIPE), so this one declares the length and sends only a little.
		const huge = await declaredOnly('/api/auth/token', 600_000);
		expect(huge.status, huge.text).toBe(413);
		expect(huge.type).toMatch(/^application\/json/);
		expect(JSON.parse(huge.text)).toEqual({
			error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) }
		});
	});

	it('a malformed path is 400 BAD_REQUEST, an unknown one 404 NOT_FOUND, /api itself included', async () => {
		expectJsonError(await answer('/api/sessions/%E0%A4%A'), 400, 'BAD_REQUEST');
		expectJsonError(await answer('/api/nothing-here'), 404, 'NOT_FOUND');
		expectJsonError(await answer('/api'), 404, 'NOT_FOUND');
	});

	it('a signed-out API call is 401 JSON, never a redirect to the sign-in page', async () => {
		expectJsonError(await answer('/api/me'), 401, 'UNAUTHENTICATED');
	});
});
