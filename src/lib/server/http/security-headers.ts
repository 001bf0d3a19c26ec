/**
 * Security headers on every answer the app writes (static files get `nosniff` from
 * scripts/serve.js; the Content-Security-Policy comes from kit.csp in svelte.config.js, fixed at
 * build, plus the live transport's host, which only the deployment's configuration knows).
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
	/** Origins pages may also connect to (Supabase Realtime's WebSocket), added to `connect-src`. */
	connectSources?: readonly string[];
}

/** `csp` with `sources` added to its `connect-src` directive. */
export function withConnectSources(csp: string, sources: readonly string[]): string {
	if (!sources.length) return csp;
	return csp.replace(
		/(^|;\s*)connect-src ([^;]*)/,
		(_, start: string, list: string) => `${start}connect-src ${list} ${sources.join(' ')}`
	);
}

export function withSecurityHeaders(
	response: Response,
	{ url, api, signedIn, connectSources = [] }: AnswerContext
) {
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
	const csp = headers.get('content-security-policy');
	if (csp) headers.set('content-security-policy', withConnectSources(csp, connectSources));
	// A person's data (or a fresh session cookie) must never sit in a shared or back-forward cache.
	if (api || signedIn || headers.has('set-cookie')) headers.set('cache-control', 'no-store');
	if (url.protocol === 'https:')
		headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
	return answer;
}
