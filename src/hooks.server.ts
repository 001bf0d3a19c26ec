import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { browserSession, identity } from '$lib/server/auth';
import { database } from '$lib/server/db';
import { startNotifications } from '$lib/features/notifications/index.server';
import { apiAnswerForThrown, asJsonApiAnswer, isApiPath } from '$lib/server/http/api-answers';
import { refuseCrossSiteForm } from '$lib/server/http/csrf';
import { withSecurityHeaders } from '$lib/server/http/security-headers';
import { liveConnectSources } from '$lib/server/live/config';
import { recordRequests } from '$lib/server/metrics/handle';
import { isLocale, LOCALE_COOKIE, negotiateLocale } from '$lib/i18n';

/** Boot (and migrate) the database with the server, not on the first request. */
export const init: ServerInit = async () => {
	const db = await database();
	console.log(
		`[db] ${db.mode} PostgreSQL ready: ${db.migrations.total} migrations` +
			(db.migrations.applied.length ? ` (${db.migrations.applied.length} applied now)` : '') +
			(db.seeded ? ', demo data loaded' : '')
	);
	await startNotifications(db);
};

const PUBLIC_PATHS = [
	'/login',
	'/signup',
	'/forgot',
	'/reset',
	'/auth/magic',
	'/locale',
	'/manifest.webmanifest'
];
/** Prometheus's scrape: its bearer token is the metrics token, not a person's (the route checks it). */
const METRICS_PATH = '/metrics';
// The API answers 401 itself (JSON), never a redirect to the sign-in page.
const isPublic = (path: string) =>
	path === '/' ||
	path === METRICS_PATH ||
	isApiPath(path) ||
	PUBLIC_PATHS.some((p) => path.startsWith(p));

/**
 * Cross-site form posts refused (kit.csrf is off: its text answer came before any hook), and
 * every /api answer in the API's JSON shape, even those SvelteKit writes itself (405 …).
 */
const guardRequests: Handle = async ({ event, resolve }) => {
	const api = isApiPath(event.url.pathname);
	const refused = refuseCrossSiteForm(event, api);
	if (refused) return refused;
	if (!api) return resolve(event);
	try {
		return await asJsonApiAnswer(await resolve(event), event.request.method);
	} catch (error) {
		return apiAnswerForThrown(error);
	}
};

const app: Handle = async ({ event, resolve }) => {
	event.locals.user = event.url.pathname === METRICS_PATH ? null : await authenticate(event);
	const cookieLocale = event.cookies.get(LOCALE_COOKIE);
	event.locals.locale = isLocale(cookieLocale)
		? cookieLocale
		: negotiateLocale(event.request.headers.get('accept-language'));

	const path = event.url.pathname;
	if (!event.locals.user && !isPublic(path)) {
		redirect(303, `/login?next=${encodeURIComponent(path + event.url.search)}`);
	}

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	if (response.status === 401 && event.locals.user && !event.request.headers.has('authorization')) {
		return afterSessionEnded(event, response, (await browserSession(event)).endedCookies());
	}
	return response;
};

/** Outermost, so refusals get the headers too (a redirect thrown by a hook keeps SvelteKit's). */
const securityHeaders: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(await resolve(event), {
		url: event.url,
		api: isApiPath(event.url.pathname),
		signedIn: Boolean(event.locals.user),
		connectSources: liveConnectSources()
	});

/** Outermost of all: every answer is timed and counted, refusals and redirects included. */
export const handle = sequence(recordRequests, securityHeaders, guardRequests, app);

/**
 * A signed-in cookie answered 401: its session was ended (sign-out elsewhere, a replayed
 * refresh token) while the access token was still unexpired. Forget the cookies; a page
 * being opened goes straight to sign-in, anything else (data, form action, API) keeps its 401.
 */
function afterSessionEnded(
	event: Parameters<Handle>[0]['event'],
	response: Response,
	cookies: string[]
) {
	const path = event.url.pathname;
	if (event.request.method === 'GET' && !event.isDataRequest && !path.startsWith('/api/')) {
		const next = encodeURIComponent(path + event.url.search);
		const headers = new Headers({ location: `/login?next=${next}&ended=1` });
		for (const cookie of cookies) headers.append('set-cookie', cookie);
		return new Response(null, { status: 303, headers });
	}
	for (const cookie of cookies) response.headers.append('set-cookie', cookie);
	return response;
}

/**
 * Bearer token (API clients) first, then the browser's session cookies, whose expired
 * access token the identity adapter renews with the refresh token (rotated each time).
 */
async function authenticate(event: Parameters<Handle>[0]['event']) {
	const header = event.request.headers.get('authorization');
	if (header) {
		const match = /^Bearer\s+(.+)$/i.exec(header);
		return match ? (await identity()).verifyAccessToken(match[1]!) : null;
	}
	return (await browserSession(event)).user();
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status >= 500) console.error('[server]', event.request.method, event.url.pathname, error);
	return { message: status === 404 ? 'Not found' : 'Unexpected server error' };
};
