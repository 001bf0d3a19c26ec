/**
 * The browser's offer to install the app (`beforeinstallprompt`), kept until a sensible moment
 * to show it: right after a booking (the /sessions confirmation), never on the sign-in page.
 * Dismissed once, it is not offered again on this device.
 */
import { getContext, setContext } from 'svelte';

/** Chromium's event (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const DISMISSED = 'nexus_install_dismissed';

export class InstallOffer {
	#event = $state<BeforeInstallPromptEvent | null>(null);
	#dismissed = $state(false);

	/** Listen on `window` (from the root layout's onMount); returns the unsubscribe. */
	listen(target: Window): () => void {
		this.#dismissed = target.localStorage.getItem(DISMISSED) === '1';
		const offered = (event: Event) => {
			// Keep the browser's own mini-bar away: we offer it at our moment.
			event.preventDefault();
			this.#event = event as BeforeInstallPromptEvent;
		};
		const installed = () => (this.#event = null);
		target.addEventListener('beforeinstallprompt', offered);
		target.addEventListener('appinstalled', installed);
		return () => {
			target.removeEventListener('beforeinstallprompt', offered);
			target.removeEventListener('appinstalled', installed);
		};
	}

	get available() {
		return this.#event !== null && !this.#dismissed;
	}

	async install() {
		const event = this.#event;
		if (!event) return;
		this.#event = null;
		await event.prompt();
		const { outcome } = await event.userChoice;
		if (outcome === 'dismissed') this.dismiss();
	}

	dismiss() {
		this.#dismissed = true;
		this.#event = null;
		localStorage.setItem(DISMISSED, '1');
	}
}

const KEY = Symbol('install-offer');
export const provideInstallOffer = (offer: InstallOffer) => setContext(KEY, offer);
export const useInstallOffer = () => getContext<InstallOffer | undefined>(KEY);
