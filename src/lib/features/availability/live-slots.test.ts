import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfferedSlot } from './offered-slots';
import { LiveSlots, pollSlots, type SlotFeed } from './live-slots.svelte';
import { offeredSlot } from './test-support/builders';

const slot = (startsAt: string) => offeredSlot(startsAt);
const A = slot('2026-12-01T16:00:00.000Z');
const B = slot('2026-12-01T16:30:00.000Z');

/** A feed the test pushes by hand (what an SSE or Realtime feed would do). */
function manualFeed() {
	let push: (slots: OfferedSlot[]) => void = () => {};
	const feed: SlotFeed = {
		subscribe(listener) {
			push = listener;
			return () => (push = () => {});
		}
	};
	return { feed, push: (slots: OfferedSlot[]) => push(slots) };
}

describe('LiveSlots', () => {
	it('marks a slot taken elsewhere and drops it from the selection', () => {
		const live = new LiveSlots([A, B], B.startsAt);
		const { feed, push } = manualFeed();
		const stop = live.connect(feed);
		push([A]);
		expect(live.slots.map((s) => s.taken)).toEqual([false, true]);
		expect(live.free.map((s) => s.startsAt)).toEqual([A.startsAt]);
		expect(live.selected).toBeNull();
		expect(live.lostSelection).toBe(true);
		stop();
		push([]);
		expect(live.takenCount).toBe(1);
	});

	it('keeps the selection when another slot goes', () => {
		const live = new LiveSlots([A, B], A.startsAt);
		live.update([A]);
		expect(live.selected).toBe(A.startsAt);
		expect(live.lostSelection).toBe(false);
	});

	it('starts over from fresh server data', () => {
		const live = new LiveSlots([A, B]);
		live.update([A]);
		live.reset([B]);
		expect(live.slots.map((s) => [s.startsAt, s.taken])).toEqual([[B.startsAt, false]]);
	});
});

describe('pollSlots', () => {
	let visibility: DocumentVisibilityState;
	const listeners = new Map<string, () => void>();
	const target = {
		addEventListener: (name: string, fn: () => void) => listeners.set(name, fn),
		removeEventListener: (name: string) => listeners.delete(name)
	};

	beforeEach(() => {
		vi.useFakeTimers();
		visibility = 'visible';
		listeners.clear();
		vi.stubGlobal('document', {
			...target,
			get visibilityState() {
				return visibility;
			}
		});
		vi.stubGlobal('window', target);
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	const answering = (slots: OfferedSlot[]) =>
		vi.fn(async () => new Response(JSON.stringify({ slots })));

	it('asks every interval while the tab is visible, not while hidden', async () => {
		const fetcher = answering([A]);
		const seen: OfferedSlot[][] = [];
		const stop = pollSlots('/book/slots?x', { intervalMs: 1000, fetcher }).subscribe((s) =>
			seen.push(s)
		);
		await vi.advanceTimersByTimeAsync(1000);
		expect(fetcher).toHaveBeenCalledTimes(1);
		expect(seen).toEqual([[A]]);
		visibility = 'hidden';
		await vi.advanceTimersByTimeAsync(3000);
		expect(fetcher).toHaveBeenCalledTimes(1);
		stop();
	});

	it('refreshes at once when the tab comes back or the window regains focus', async () => {
		const fetcher = answering([B]);
		const stop = pollSlots('/x', { intervalMs: 60_000, fetcher }).subscribe(() => {});
		listeners.get('visibilitychange')!();
		listeners.get('focus')!();
		await vi.advanceTimersByTimeAsync(0);
		expect(fetcher).toHaveBeenCalledTimes(2);
		stop();
		expect(listeners.size).toBe(0);
	});

	it('keeps the list when the request fails', async () => {
		const fetcher = vi.fn(async () => new Response('nope', { status: 500 }));
		const seen: OfferedSlot[][] = [];
		const stop = pollSlots('/x', { intervalMs: 1000, fetcher }).subscribe((s) => seen.push(s));
		await vi.advanceTimersByTimeAsync(1000);
		expect(seen).toEqual([]);
		stop();
	});
});
