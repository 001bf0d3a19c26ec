/**
 * What makes the board live: it listens to the staff topic, reloads its data when something
 * it shows changed (once per burst), and remembers which sessions changed, to highlight them
 * for a few seconds and to announce them to a screen reader.
 */
import { invalidate } from '$app/navigation';
import { topics, type LiveMessage } from '$lib/core/live';
import { listen } from '$lib/ui/live/live.svelte';

const HIGHLIGHT_MS = 4_000;
const BURST_MS = 150;

export class LiveBoard {
	/** Sessions changed in the last few seconds. */
	changed = $state<string[]>([]);
	/** How many changes arrived since the last announcement was read. */
	pending = $state(0);
	private reload: ReturnType<typeof setTimeout> | null = null;

	/** Start listening; returns the cleanup (use inside an $effect). */
	start(): () => void {
		const stop = listen(
			[topics.staff],
			(m) => this.onMessage(m),
			() => this.refresh()
		);
		return () => {
			stop();
			if (this.reload) clearTimeout(this.reload);
		};
	}

	private onMessage(message: LiveMessage) {
		const id = typeof message.payload.sessionId === 'string' ? message.payload.sessionId : null;
		if (id) {
			this.changed = [...this.changed.filter((x) => x !== id), id];
			setTimeout(() => (this.changed = this.changed.filter((x) => x !== id)), HIGHLIGHT_MS);
		}
		this.pending += 1;
		this.refresh();
	}

	private refresh() {
		if (this.reload) return;
		this.reload = setTimeout(() => {
			this.reload = null;
			void invalidate('app:board');
		}, BURST_MS);
	}
}
