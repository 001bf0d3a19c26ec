/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The app's service worker (SvelteKit bundles and registers it; see ARCHITECTURE.md, "PWA").
 *
 * - The app shell (every built asset and static file of this version) is precached and served
 *   cache first; an older version's caches go when this one activates.
 * - The family's /sessions and the coach's /coach (and their data requests) are network first;
 *   each good answer is kept as the offline copy, served only when the network fails. The page
 *   carries the time it was rendered, which is what it shows as "copie de HH:MM".
 * - Nothing under /api is ever cached; signing out or in drops the copies (one person's data).
 * - A push shows a notification; a click on it brings the app forward on the linked page.
 */
import { build, files, version } from '$service-worker';
import {
	endsThePersonsCopies,
	notificationOf,
	offlineCopyKey,
	windowFor
} from '$lib/features/pwa/worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
// Copies reference this version's hashed scripts: they live and die with the shell.
const COPIES = `copies-${version}`;
const SHELL_FILES = new Set([...build, ...files]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll([...SHELL_FILES]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key !== SHELL && key !== COPIES) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (endsThePersonsCopies(request.method, url)) {
		event.waitUntil(caches.delete(COPIES));
		return;
	}
	// The page's back-online probe goes through the worker on purpose: the worker's own network
	// can come back later than the page's, and an answer here means the copies' network-first
	// fetches below will reach the server too (else the page reloads its offline copy as fresh).
	if (url.pathname === '/api/health') {
		event.respondWith(fetch(request));
		return;
	}
	if (request.method !== 'GET' || url.pathname.startsWith('/api/')) return;
	if (SHELL_FILES.has(url.pathname)) {
		event.respondWith(cacheFirst(request));
		return;
	}
	const copyKey = offlineCopyKey(url);
	if (copyKey) event.respondWith(networkFirst(request, copyKey));
	else if (request.mode === 'navigate') event.respondWith(orOfflinePage(request));
});

async function cacheFirst(request: Request) {
	return (await caches.match(request, { cacheName: SHELL })) ?? fetch(request);
}

async function networkFirst(request: Request, copyKey: string) {
	try {
		const response = await fetch(request);
		// A redirect (signed out) or an error page is not a copy worth keeping.
		if (response.ok && !response.redirected && response.type === 'basic') {
			const cache = await caches.open(COPIES);
			await cache.put(copyKey, response.clone());
		}
		return response;
	} catch (error) {
		const copy = await caches.match(copyKey, { cacheName: COPIES });
		if (copy) return copy;
		if (request.mode === 'navigate') return offlinePage();
		throw error;
	}
}

async function orOfflinePage(request: Request) {
	try {
		return await fetch(request);
	} catch {
		return offlinePage();
	}
}

/** A page with no copy, offline: say so in the browser's language rather than the dino. */
function offlinePage() {
	const english = (sw.navigator.language ?? 'fr').toLowerCase().startsWith('en');
	const [lang, title, hint, link] = english
		? ['en', 'You are offline', 'This page has no copy on this device.', 'My sessions']
		: [
				'fr',
				'Vous êtes hors ligne',
				'Cette page n’a pas de copie sur cet appareil.',
				'Mes séances'
			];
	const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;margin:2rem;color:#1b2236;background:#f6f7fb"><h1>${title}</h1><p>${hint}</p><p><a href="/sessions" style="color:#1d3a8a">${link}</a></p></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
	});
}

sw.addEventListener('push', (event) => {
	let data: unknown = null;
	try {
		data = event.data?.json();
	} catch {
		data = null;
	}
	const { title, options } = notificationOf(data, sw.location.origin);
	event.waitUntil(sw.registration.showNotification(title, options));
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const target = (event.notification.data as { url?: string } | null)?.url ?? '/';
	event.waitUntil(bringForward(target));
});

/** Focus the app's window (moved to the link when it shows another page), or open one. */
async function bringForward(target: string) {
	const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const index = windowFor(
		windows.map((w) => w.url),
		target
	);
	if (index === null) {
		await sw.clients.openWindow(target);
		return;
	}
	const client = windows[index]!;
	await Promise.allSettled([
		client.focus(),
		client.url === target ? null : client.navigate(target)
	]);
}
