/**
 * Whether this browser is online, for pages readable offline from their last copy (the service
 * worker serves it): they mark the copy with its time and disable what needs the network.
 * Provided by the root layout; without one (a component under test) the page counts as online.
 */
import { getContext, setContext } from 'svelte';

export class Connectivity {
	#online = $state(true);

	get online() {
		return this.#online;
	}

	/**
	 * Follow `target`'s online/offline events. When the browser has a network again, wait until
	 * the server answers (`/api/health`, never cached), run `onBack` (load the page's data
	 * afresh), and only then count as online: the copy stays marked until it is replaced.
	 */
	listen(target: Window, onBack: () => unknown): () => void {
		this.#online = target.navigator.onLine;
		let stopped = false;
		const offline = () => (this.#online = false);
		const online = async () => {
			for (let wait = 250; !stopped && target.navigator.onLine; wait = Math.min(wait * 2, 5000)) {
				const answered = await target
					.fetch('/api/health', { cache: 'no-store' })
					.then((r) => r.ok)
					.catch(() => false);
				if (answered) break;
				await new Promise((resolve) => setTimeout(resolve, wait));
			}
			if (stopped || !target.navigator.onLine) return;
			await onBack();
			this.#online = true;
		};
		target.addEventListener('offline', offline);
		target.addEventListener('online', online);
		return () => {
			stopped = true;
			target.removeEventListener('offline', offline);
			target.removeEventListener('online', online);
		};
	}
}

const KEY = Symbol('connectivity');
export const provideConnectivity = (c: Connectivity) => setContext(KEY, c);
/** True unless the root layout's connectivity says the browser is offline. */
export const useOnline = () => {
	const connectivity = getContext<Connectivity | undefined>(KEY);
	return () => connectivity?.online ?? true;
};
