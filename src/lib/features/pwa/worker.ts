/**
 * The service worker's decisions, kept pure so they are unit-tested (src/service-worker.ts only
 * wires them to the browser's events and caches).
 */

/** Pages a family or a coach can read offline from their last copy (network first). */
export const OFFLINE_PAGES = ['/sessions', '/coach'] as const;

/**
 * The cache key of a request's offline copy, or null when it has none: the page itself (any
 * query string: `?booked=` notices are not worth a copy each) or its SvelteKit data request.
 * Answers of /api are never copied.
 */
export function offlineCopyKey(url: URL): string | null {
	const path = url.pathname.replace(/\/__data\.json$/, '') || '/';
	if (!(OFFLINE_PAGES as readonly string[]).includes(path)) return null;
	return url.pathname.endsWith('/__data.json') ? `${path}/__data.json` : path;
}

/** Requests after which the copies (one person's data) must go: signing out, or in as someone. */
export const endsThePersonsCopies = (method: string, url: URL) =>
	method === 'POST' && (url.pathname === '/logout' || url.pathname.startsWith('/login'));

/** What `push.ts` sends (`PushMessage['payload']`), read defensively: any push shows something. */
export interface PushPayload {
	title: string;
	body: string;
	url: string;
	tag: string;
}

export interface ShownNotification {
	title: string;
	options: {
		body: string;
		icon: string;
		badge: string;
		tag?: string;
		lang?: string;
		data: { url: string };
	};
}

/**
 * The notification of a push: title, body, icon and the link it opens. The link is kept on this
 * origin (its path, query and hash on `origin`), whatever origin the server put in it.
 */
export function notificationOf(data: unknown, origin: string): ShownNotification {
	const payload = (typeof data === 'object' && data !== null ? data : {}) as Partial<PushPayload>;
	const text = (value: unknown, fallback: string) =>
		typeof value === 'string' && value.trim() ? value.slice(0, 500) : fallback;
	return {
		title: text(payload.title, 'Nexus Sessions'),
		options: {
			body: text(payload.body, ''),
			icon: '/icons/icon-192.png',
			badge: '/icons/maskable-96.png',
			...(typeof payload.tag === 'string' && payload.tag ? { tag: payload.tag } : {}),
			data: { url: sameOriginLink(payload.url, origin) }
		}
	};
}

export function sameOriginLink(link: unknown, origin: string): string {
	if (typeof link !== 'string') return `${origin}/`;
	try {
		const url = new URL(link, origin);
		return `${origin}${url.pathname}${url.search}${url.hash}`;
	} catch {
		return `${origin}/`;
	}
}

/**
 * Which open window a notification's click should bring forward: one already on that page,
 * else any window of the app (it is moved there), else none (a new window is opened).
 */
export function windowFor(openUrls: readonly string[], target: string): number | null {
	const page = (u: string) => u.split('#')[0];
	const exact = openUrls.findIndex((u) => page(u) === page(target));
	if (exact >= 0) return exact;
	return openUrls.length ? 0 : null;
}
