import { describe, expect, it } from 'vitest';
import type { PushMessage } from '$lib/server/channels/types';
import { endsThePersonsCopies, notificationOf, offlineCopyKey, windowFor } from './worker';

const ORIGIN = 'http://localhost:4173';
const url = (path: string) => new URL(path, ORIGIN);

describe('offline copies', () => {
	it('copies the family’s sessions and the coach’s schedule, page and data, whatever the query', () => {
		expect(offlineCopyKey(url('/sessions'))).toBe('/sessions');
		expect(offlineCopyKey(url('/sessions?booked=1'))).toBe('/sessions');
		expect(offlineCopyKey(url('/sessions/__data.json?x-sveltekit-invalidated=01'))).toBe(
			'/sessions/__data.json'
		);
		expect(offlineCopyKey(url('/coach'))).toBe('/coach');
	});

	it('never copies an API answer nor another page', () => {
		for (const path of [
			'/api/sessions',
			'/api/me',
			'/book',
			'/sessions/abc/cancel',
			'/coach/availability'
		])
			expect(offlineCopyKey(url(path)), path).toBeNull();
	});

	it('forgets them when someone signs out or signs in', () => {
		expect(endsThePersonsCopies('POST', url('/logout'))).toBe(true);
		expect(endsThePersonsCopies('POST', url('/login?/signIn'))).toBe(true);
		expect(endsThePersonsCopies('GET', url('/login'))).toBe(false);
	});
});

describe('a push becomes a notification', () => {
	const payload: PushMessage['payload'] = {
		title: 'Rappel : séance dans 2 heures',
		body: 'Algèbre avec Hélène',
		url: 'https://sessions.nexus-reussite.fr/sessions#session-42',
		tag: 'reminder:42'
	};

	it('shows the server’s title, body and tag with the app icon, and links on this origin', () => {
		expect(notificationOf(payload, ORIGIN)).toEqual({
			title: payload.title,
			options: {
				body: payload.body,
				icon: '/icons/icon-192.png',
				badge: '/icons/maskable-96.png',
				tag: payload.tag,
				data: { url: `${ORIGIN}/sessions#session-42` }
			}
		});
	});

	it('still shows something for a malformed push', () => {
		const shown = notificationOf('not json', ORIGIN);
		expect(shown.title).toBe('Nexus Sessions');
		expect(shown.options.data.url).toBe(`${ORIGIN}/`);
	});
});

describe('a click on the notification', () => {
	it('brings forward the window already on that page, else any app window, else a new one', () => {
		const target = `${ORIGIN}/sessions#session-42`;
		expect(windowFor([`${ORIGIN}/book`, `${ORIGIN}/sessions`], target)).toBe(1);
		expect(windowFor([`${ORIGIN}/book`], target)).toBe(0);
		expect(windowFor([], target)).toBeNull();
	});
});
