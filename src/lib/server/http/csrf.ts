/**
 * SvelteKit's own CSRF check (kit.csrf) runs before the hooks and answers in plain text, so it is
 * turned off in svelte.config.js (`trustedOrigins: ['*']`) and done here instead, with the same
 * rule: a POST/PUT/PATCH/DELETE a browser form can send cross-site (urlencoded, multipart,
 * text/plain) must carry this site's Origin. The API answers in its JSON shape, pages as before.
 */
import { json, text, type RequestEvent } from '@sveltejs/kit';
import { errorBody } from './errors';

const GUARDED_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What an HTML form (or SvelteKit's binary form data) can send without a CORS preflight. */
const FORM_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
]);

/** Origins besides the site's own allowed to post forms here (none today). */
const TRUSTED_ORIGINS: readonly string[] = [];

function isFormContentType(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
	return FORM_TYPES.has(type);
}

/** The refusal for a cross-site form submission, or null when the request may go on. */
export function refuseCrossSiteForm(
	event: Pick<RequestEvent, 'request' | 'url'>,
	api: boolean
): Response | null {
	const { request, url } = event;
	if (!GUARDED_METHODS.has(request.method) || !isFormContentType(request)) return null;
	const origin = request.headers.get('origin');
	if (origin === url.origin || (origin !== null && TRUSTED_ORIGINS.includes(origin))) return null;
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	if (api) return json(errorBody('CROSS_SITE_REQUEST', message), { status: 403 });
	// As SvelteKit answered: JSON for use:enhance's fetch, text for a plain form post.
	if (request.headers.get('accept') === 'application/json') {
		return json({ message }, { status: 403 });
	}
	return text(message, { status: 403 });
}
