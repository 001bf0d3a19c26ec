/**
 * Pure helpers for the slots a family sees: keeping a live list honest as
 * bookings land elsewhere, and proposing the nearest alternatives.
 */

/** A free slot as the browser receives it (instants as ISO strings). */
export interface OfferedSlot {
	/** Calendar date in the coach's zone, 'YYYY-MM-DD'. */
	date: string;
	/** Wall-clock 'HH:MM' in the coach's zone. */
	startTime: string;
	endTime: string;
	startsAt: string;
	endsAt: string;
}

export interface ShownSlot extends OfferedSlot {
	/** Offered earlier on this page, no longer free now. */
	taken: boolean;
}

const byStart = (a: { startsAt: string }, b: { startsAt: string }) =>
	Date.parse(a.startsAt) - Date.parse(b.startsAt);

/**
 * Merge a fresh server answer into what the page shows: slots that vanished
 * stay visible but marked taken (so nobody wonders where they went), slots
 * that appeared (a cancellation) are added, and the list stays in time order.
 */
export function mergeSlots(
	shown: readonly ShownSlot[],
	fresh: readonly OfferedSlot[]
): ShownSlot[] {
	const free = new Map(fresh.map((s) => [s.startsAt, s]));
	const merged: ShownSlot[] = shown.map((s) => ({ ...s, taken: !free.has(s.startsAt) }));
	const known = new Set(shown.map((s) => s.startsAt));
	for (const slot of fresh) if (!known.has(slot.startsAt)) merged.push({ ...slot, taken: false });
	return merged.sort(byStart);
}

/** The `count` free slots closest in time to `target` (before or after), in time order. */
export function nearestSlots<T extends { startsAt: string }>(
	slots: readonly T[],
	target: string | Date,
	count = 3
): T[] {
	const at = typeof target === 'string' ? Date.parse(target) : target.getTime();
	return slots
		.filter((s) => Date.parse(s.startsAt) !== at)
		.map((s) => ({ s, distance: Math.abs(Date.parse(s.startsAt) - at) }))
		.sort((a, b) => a.distance - b.distance || byStart(a.s, b.s))
		.slice(0, count)
		.map(({ s }) => s)
		.sort(byStart);
}

/** Slots grouped per calendar day (the coach's), days and slots in time order. */
export function groupByDate<T extends { date: string; startsAt: string }>(
	slots: readonly T[]
): { date: string; slots: T[] }[] {
	const days = new Map<string, T[]>();
	for (const slot of [...slots].sort(byStart)) {
		const day = days.get(slot.date);
		if (day) day.push(slot);
		else days.set(slot.date, [slot]);
	}
	return [...days].map(([date, daySlots]) => ({ date, slots: daySlots }));
}
