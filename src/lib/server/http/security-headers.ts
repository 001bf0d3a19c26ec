/**
 * Security headers on every answer the app writes (static files get `nosniff` from
 * scripts/serve.js; the Content-Security-Policy comes from kit.csp in svelte.config.js).
 */

/** Powerful features this app never uses, denied to it and to anything it could embed. */
export const PERMISSIONS_POLICY = [
	'accelerometer=()',
	'camera=()',
	'display-capture=()',
	'geolocation=()',
	'gyroscope=()',
	'magnetometer=()',
	'microphone=()',
	'payment=()',
	'usb=()'
].join(', ');

/** Two years, the HSTS preload list's minimum; sent only on answers served over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

export interface AnswerContext {
	url: URL;
	api: boolean;
	signedIn: boolean;
}

export function withSecurityHeaders(response: Response, { url, api, signedIn }: AnswerContext) {
	let answer = response;
	try {
		answer.headers.set('x-content-type-options', 'nosniff');
	} catch {
		// Immutable headers (a Response from fetch): copy it.
		answer = new Response(response.body, response);
		answer.headers.set('x-content-type-options', 'nosniff');
	}
	const headers = answer.headers;
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('permissions-policy', PERMISSIONS_POLICY);
	headers.set('cross-origin-opener-policy', 'same-origin');
	if (!api) headers.set('x-frame-options', 'DENY');
	// A person's data (or a fresh session cookie) must never sit in a shared or back-forward cache.
	if (api || signedIn || headers.has('set-cookie')) headers.set('cache-control', 'no-store');
	if (url.protocol === 'https:')
		headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
	return answer;
}
