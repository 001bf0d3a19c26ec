/** Half-open interval [start, end) on a number line (wall-clock minutes or epoch ms). */
export interface Interval {
	start: number;
	end: number;
}

/**
 * Sorted, disjoint union. Empty/inverted (and NaN) intervals are dropped, and touching intervals
 * merge: 09:00–10:00 + 10:00–11:00 must behave as 09:00–11:00 so 09:30–10:30 fits.
 */
export function normalize(intervals: readonly Interval[]): Interval[] {
	const sorted = intervals.filter((i) => i.start < i.end).sort((a, b) => a.start - b.start);
	const merged: Interval[] = [];
	for (const { start, end } of sorted) {
		const last = merged[merged.length - 1];
		if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
		else merged.push({ start, end });
	}
	return merged;
}

export function union(...sets: readonly (readonly Interval[])[]): Interval[] {
	return normalize(sets.flat());
}

/** Parts of `from` not covered by `remove`. Inputs need not be normalised. */
export function subtract(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
	const holes = normalize(remove);
	const result: Interval[] = [];
	let first = 0; // holes ending before the current interval can never matter again
	for (const { start, end } of normalize(from)) {
		while ((holes[first]?.end ?? Infinity) <= start) first++;
		let cursor = start;
		for (
			let k = first, hole = holes[k];
			hole !== undefined && hole.start < end;
			hole = holes[++k]
		) {
			if (hole.start > cursor) result.push({ start: cursor, end: hole.start });
			cursor = Math.max(cursor, hole.end);
		}
		if (cursor < end) result.push({ start: cursor, end });
	}
	return result;
}

/** Non-empty intersection: back-to-back intervals do not overlap, nor do empty ones. */
export function overlaps(a: Interval, b: Interval): boolean {
	return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}

/** Overlap test against a normalize()d list, by binary search (its ends are sorted too). */
export function overlapsAny(sorted: readonly Interval[], probe: Interval): boolean {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((sorted[mid]?.end ?? Infinity) <= probe.start) lo = mid + 1;
		else hi = mid;
	}
	// sorted[lo] is the first interval ending after probe.start; only it can overlap first.
	const candidate = sorted[lo];
	return candidate !== undefined && candidate.start < probe.end && probe.start < probe.end;
}
