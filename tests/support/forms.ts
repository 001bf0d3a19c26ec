import { appUrl } from './api';
import { DEMO_PASSWORD } from './demo';

export interface FormResult {
	status: number;
	location: string | null;
	setCookies: string[];
	text: string;
}

/**
 * Submit a form action as a browser without JavaScript would (same-origin `Origin`, urlencoded
 * body, redirects not followed), optionally with a session cookie.
 */
export async function postForm(
	path: string,
	fields: Record<string, string>,
	options: { cookie?: string; accept?: string } = {}
): Promise<FormResult> {
	const headers: Record<string, string> = {
		origin: appUrl(),
		'content-type': 'application/x-www-form-urlencoded',
		// As a browser navigating: SvelteKit answers */* with use:enhance's JSON instead.
		accept: options.accept ?? 'text/html'
	};
	if (options.cookie) headers.cookie = options.cookie;
	const res = await fetch(`${appUrl()}${path}`, {
		method: 'POST',
		headers,
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	return {
		status: res.status,
		location: res.headers.get('location'),
		setCookies: res.headers.getSetCookie(),
		text: await res.text()
	};
}

/** The session cookies of a fresh sign-in through the /login form, as one `Cookie` header. */
export async function signInCookie(email: string, password = DEMO_PASSWORD): Promise<string> {
	const res = await postForm('/login', { email, password });
	if (res.status !== 303) throw new Error(`sign-in of ${email}: ${res.status} ${res.text}`);
	return res.setCookies.map((c) => c.split(';', 1)[0]).join('; ');
}
