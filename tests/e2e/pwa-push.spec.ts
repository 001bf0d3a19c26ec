import { expect, type Page } from '@playwright/test';
import type { PushMessage } from '../../src/lib/server/channels/types';
import { bookMathsSession, cancelAsCoach, nextWeekday, PARENT_MARTIN } from './coach-support';
import { DESKTOP, PHONE } from './family-support';
import { expectAccessible, signIn, test, withE2eDatabase } from './support';

/**
 * Chromium here has no push service to subscribe with (no network, no GCM keys): the page's
 * `PushManager` is given one browser subscription (a real P-256 key and secret, an https
 * endpoint), kept in sessionStorage across reloads. Everything after it is the app's: the
 * preferences page, the API, the database row, and the service worker's `push` handler, which
 * receives its message from Chromium itself over CDP (`ServiceWorker.deliverPushMessage`).
 */
async function givePushManagerASubscription(page: Page) {
	await page.addInitScript(() => {
		const KEY = 'e2e-push-subscription';
		const subscription = (json: { endpoint: string }) => ({
			endpoint: json.endpoint,
			toJSON: () => json,
			unsubscribe: async () => {
				sessionStorage.removeItem(KEY);
				return true;
			}
		});
		PushManager.prototype.getSubscription = async function () {
			const stored = sessionStorage.getItem(KEY);
			return stored ? (subscription(JSON.parse(stored)) as unknown as PushSubscription) : null;
		};
		PushManager.prototype.subscribe = async function (options) {
			const key = options?.applicationServerKey as Uint8Array;
			if (key?.byteLength !== 65) throw new DOMException('bad applicationServerKey');
			const json = {
				endpoint: `https://push.e2e.test/send/${crypto.randomUUID()}`,
				expirationTime: null,
				keys: {
					p256dh:
						'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
					auth: 'tBHItJI5svbpez7KI4CCXg'
				}
			};
			sessionStorage.setItem(KEY, JSON.stringify(json));
			return subscription(json) as unknown as PushSubscription;
		};
	});
}

const subscriptionsOf = (email: string) =>
	withE2eDatabase(
		(sql) => sql<{ endpoint: string }[]>`
			select s.endpoint from public.push_subscriptions s
			join public.profiles p on p.id = s.user_id where p.email = ${email}`
	);

for (const viewport of [PHONE, DESKTOP]) {
	test(`a parent turns push on and off for this device (${viewport.width}px)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		await context.grantPermissions(['notifications']);
		const page = await context.newPage();
		await givePushManagerASubscription(page);
		await signIn(page, PARENT_MARTIN);
		await expect(page).toHaveURL(/\/parent/);
		await page.goto('/notifications/preferences');
		const device = page.getByTestId('push-device');
		await expect(device.getByRole('status')).toHaveText('Désactivées sur cet appareil.');
		await expectAccessible(page);

		await device.getByRole('button', { name: 'Activer sur cet appareil' }).click();
		await expect(device.getByRole('status')).toContainText('Activées sur cet appareil');
		const [saved] = await subscriptionsOf(PARENT_MARTIN);
		expect(saved?.endpoint).toMatch(/^https:\/\/push\.e2e\.test\/send\//);
		await expect(device).toContainText('Appareils abonnés à votre compte : 1.');
		await expectAccessible(page);

		// A reload finds this browser's subscription and keeps it.
		await page.reload();
		await expect(device.getByRole('status')).toContainText('Activées sur cet appareil');

		await device.getByRole('button', { name: 'Désactiver sur cet appareil' }).click();
		await expect(device.getByRole('status')).toHaveText('Désactivées sur cet appareil.');
		expect(await subscriptionsOf(PARENT_MARTIN)).toEqual([]);
		await context.close();
	});
}

test('a push shows its notification; a click brings the app to the session', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ viewport: PHONE });
	await context.grantPermissions(['notifications']);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	const registrations = new Map<string, string>();
	cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: updated }) => {
		for (const r of updated) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
	});
	await cdp.send('ServiceWorker.enable');

	await signIn(page, PARENT_MARTIN);
	await expect(page).toHaveURL(/\/parent/);
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	const origin = new URL(baseURL!).origin;
	await expect.poll(() => registrations.get(`${origin}/`)).toBeTruthy();

	const sessionId = await bookMathsSession(
		page.request,
		nextWeekday(3, 40),
		'16:00',
		'Notification push'
	);
	// What deliver.server.ts hands push.ts, which sends it as JSON (the server's origin may
	// differ from the page's: the worker keeps the link on its own origin).
	const payload: PushMessage['payload'] = {
		title: 'Rappel : séance dans 2 heures',
		body: 'Notification push — Lucas avec Sophie Bernard',
		url: `https://sessions.nexus-reussite.fr/sessions#session-${sessionId}`,
		tag: `reminder:${sessionId}`
	};
	const deliver = () =>
		cdp.send('ServiceWorker.deliverPushMessage', {
			origin,
			registrationId: registrations.get(`${origin}/`)!,
			data: JSON.stringify(payload)
		});

	const shown = () =>
		page.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			return (await registration.getNotifications()).map((n) => ({
				title: n.title,
				body: n.body,
				icon: n.icon,
				tag: n.tag,
				data: n.data
			}));
		});
	// Under a loaded full run the first message can reach a worker that is still being
	// replaced: deliver again until one is shown (same tag, so never two notifications).
	await expect(async () => {
		await deliver();
		await expect.poll(shown, { timeout: 2_000 }).toEqual([
			{
				title: payload.title,
				body: payload.body,
				icon: `${origin}/icons/icon-192.png`,
				tag: payload.tag,
				data: { url: `${origin}/sessions#session-${sessionId}` }
			}
		]);
	}).toPass({ timeout: 15_000 });

	// The click, as Chromium dispatches it to the worker (no notification UI to press here).
	const [worker] = context.serviceWorkers();
	await worker!.evaluate(async () => {
		// Worker-scope types (this file is type-checked with the DOM library only).
		const scope = self as unknown as {
			registration: ServiceWorkerRegistration;
			dispatchEvent(event: Event): boolean;
			NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
		};
		const [notification] = await scope.registration.getNotifications();
		const event = new scope.NotificationEvent('notificationclick', {
			notification: notification!
		});
		const pending: Promise<unknown>[] = [];
		Object.defineProperty(event, 'waitUntil', { value: (p: Promise<unknown>) => pending.push(p) });
		scope.dispatchEvent(event);
		await Promise.all(pending);
	});
	await expect(page).toHaveURL(`${origin}/sessions#session-${sessionId}`);
	await expect(page.getByRole('heading', { name: 'Mes séances', level: 1 })).toBeVisible();
	expect(await shown()).toEqual([]);

	await cancelAsCoach(page.request, sessionId);
	await context.close();
});
