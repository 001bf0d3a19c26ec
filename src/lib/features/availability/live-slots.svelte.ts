import { topics } from '$lib/core/live';
import { listen, liveState } from '$lib/ui/live/live.svelte';
import { mergeSlots, type OfferedSlot, type ShownSlot } from './offered-slots';

/**
 * Live free slots for the page that is open. The transport is a `SlotFeed`: the live layer
 * says when the coach's busy times changed (`slots:<coach>`) and the list is fetched again;
 * a poll of the same JSON endpoint stands in while the live connection is down.
 */
export interface SlotFeed {
	/** Call `listener` with the full current list of free slots; returns the unsubscribe. */
	subscribe(listener: (slots: OfferedSlot[]) => void): () => void;
}

export interface PollOptions {
	intervalMs?: number;
	fetcher?: typeof fetch;
	/** Poll only while this says so (the live feed: only while it is not live). */
	pollWhen?: () => boolean;
	/** Something that calls `refresh` when the list may have changed; returns its cleanup. */
	nudge?: (refresh: () => void) => () => void;
}

/**
 * Poll `url` (which answers `{ slots: OfferedSlot[] }`) every `intervalMs`
 * while the tab is visible, and at once when it becomes visible again or the
 * window regains focus — the moments a stale list would mislead.
 */
export function pollSlots(
	url: string,
	{ intervalMs = 10_000, fetcher, pollWhen, nudge }: PollOptions = {}
): SlotFeed {
	return {
		subscribe(listener) {
			let stopped = false;
			let inflight: AbortController | null = null;
			const refresh = async () => {
				if (stopped || document.visibilityState === 'hidden') return;
				inflight?.abort();
				const controller = (inflight = new AbortController());
				try {
					const response = await (fetcher ?? fetch)(url, {
						headers: { accept: 'application/json' },
						signal: controller.signal
					});
					if (!response.ok) return;
					const body = (await response.json()) as { slots?: OfferedSlot[] };
					if (!stopped && Array.isArray(body.slots)) listener(body.slots);
				} catch {
					// Offline or aborted: keep the list; the next tick tries again.
				}
			};
			const onVisible = () => void refresh();
			const timer = setInterval(() => {
				if (pollWhen?.() !== false) void refresh();
			}, intervalMs);
			const stopNudge = nudge?.(onVisible);
			document.addEventListener('visibilitychange', onVisible);
			window.addEventListener('focus', onVisible);
			return () => {
				stopped = true;
				clearInterval(timer);
				stopNudge?.();
				inflight?.abort();
				document.removeEventListener('visibilitychange', onVisible);
				window.removeEventListener('focus', onVisible);
			};
		}
	};
}

/** `url`'s slots for `coachId`, fetched again as soon as the live layer says they changed. */
export function liveSlotFeed(url: string, coachId: string, options: PollOptions = {}): SlotFeed {
	return pollSlots(url, {
		...options,
		pollWhen: () => liveState() !== 'live',
		nudge: (refresh) => listen([topics.slots(coachId)], refresh, refresh)
	});
}

/** The slots a page shows, kept in step with a feed; vanished ones stay, marked taken. */
export class LiveSlots {
	#shown = $state<ShownSlot[]>([]);
	#selected = $state<string | null>(null);
	#lostSelection = $state(false);

	constructor(initial: readonly OfferedSlot[] = [], selected: string | null = null) {
		this.reset(initial, selected);
	}

	get slots(): readonly ShownSlot[] {
		return this.#shown;
	}
	get free(): readonly ShownSlot[] {
		return this.#shown.filter((s) => !s.taken);
	}
	get takenCount(): number {
		return this.#shown.filter((s) => s.taken).length;
	}
	get selected(): string | null {
		return this.#selected;
	}
	/** True once the slot the user had picked was booked by someone else. */
	get lostSelection(): boolean {
		return this.#lostSelection;
	}

	select(startsAt: string | null) {
		this.#selected = startsAt;
		this.#lostSelection = false;
	}

	/** Start over from a server-rendered list (a new coach, duration or range). */
	reset(slots: readonly OfferedSlot[], selected: string | null = null) {
		this.#shown = mergeSlots([], slots);
		this.#selected = selected;
		this.#lostSelection = false;
	}

	/** Apply the current truth from the server. */
	update(fresh: readonly OfferedSlot[]) {
		this.#shown = mergeSlots(this.#shown, fresh);
		if (this.#selected && this.#shown.find((s) => s.startsAt === this.#selected)?.taken) {
			this.#selected = null;
			this.#lostSelection = true;
		}
	}

	/** Follow `feed` until the returned function is called (use in an effect). */
	connect(feed: SlotFeed): () => void {
		return feed.subscribe((slots) => this.update(slots));
	}
}
