/**
 * Web push on this browser: its state (unsupported, blocked, on, off) and the two gestures of
 * the preferences page. The browser holds the subscription; the server keeps a copy per person
 * (`/api/push/subscriptions`), refreshed whenever the page opens so that a copy the server
 * dropped (a push service's 410) comes back.
 */
import { callApi } from '$lib/ui/api-client';

export type PushDeviceState = 'checking' | 'unsupported' | 'denied' | 'unavailable' | 'on' | 'off';

/** `applicationServerKey` from the base64url VAPID key. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = new Uint8Array(new ArrayBuffer(binary.length));
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export class PushDevice {
	#state = $state<PushDeviceState>('checking');
	#busy = $state(false);
	/** The API's error code of the last failed gesture. */
	#failure = $state<string | null>(null);

	get state() {
		return this.#state;
	}
	get busy() {
		return this.#busy;
	}
	get failure() {
		return this.#failure;
	}

	async #registration() {
		return navigator.serviceWorker.ready;
	}

	/** Read this browser's state; a subscription it has is sent again to the server. */
	async check() {
		if (
			!('serviceWorker' in navigator) ||
			!('PushManager' in window) ||
			!('Notification' in window)
		) {
			this.#state = 'unsupported';
			return;
		}
		if (Notification.permission === 'denied') {
			this.#state = 'denied';
			return;
		}
		const subscription = await (await this.#registration()).pushManager.getSubscription();
		if (subscription) {
			const saved = await callApi('POST', '/api/push/subscriptions', subscription.toJSON());
			this.#state = saved.ok ? 'on' : 'off';
		} else this.#state = 'off';
	}

	async subscribe() {
		await this.#gesture(async () => {
			const permission = await Notification.requestPermission();
			if (permission !== 'granted') {
				this.#state = permission === 'denied' ? 'denied' : 'off';
				return;
			}
			const key = await callApi<{ publicKey: string | null }>('GET', '/api/push/public-key');
			if (!key.ok) return void (this.#failure = key.code);
			if (!key.data.publicKey) return void (this.#state = 'unavailable');
			const registration = await this.#registration();
			const subscription = await registration.pushManager.subscribe({
				userVisibleOnly: true,
				applicationServerKey: keyBytes(key.data.publicKey)
			});
			const saved = await callApi('POST', '/api/push/subscriptions', subscription.toJSON());
			if (!saved.ok) {
				await subscription.unsubscribe();
				return void (this.#failure = saved.code);
			}
			this.#state = 'on';
		});
	}

	async unsubscribe() {
		await this.#gesture(async () => {
			const subscription = await (await this.#registration()).pushManager.getSubscription();
			if (subscription) {
				const removed = await callApi('DELETE', '/api/push/subscriptions', {
					endpoint: subscription.endpoint
				});
				if (!removed.ok) return void (this.#failure = removed.code);
				await subscription.unsubscribe();
			}
			this.#state = 'off';
		});
	}

	async #gesture(work: () => Promise<void>) {
		this.#busy = true;
		this.#failure = null;
		try {
			await work();
		} catch {
			// The push service refused or could not be reached (pushManager.subscribe).
			this.#failure = 'PUSH_SERVICE';
		} finally {
			this.#busy = false;
		}
	}
}
