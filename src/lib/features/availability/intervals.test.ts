import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, overlaps, overlapsAny, subtract, union, type Interval } from './intervals';

const iv = (start: number, end: number): Interval => ({ start, end });

describe('normalize / union', () => {
	it('sorts, merges overlapping and touching intervals, drops empty and inverted ones', () => {
		expect(normalize([iv(10, 20), iv(0, 5), iv(5, 8), iv(15, 30), iv(40, 40), iv(50, 45)])).toEqual(
			[iv(0, 8), iv(10, 30)]
		);
	});

	it('does not mutate its input', () => {
		const input = [iv(0, 10), iv(5, 20)];
		normalize(input);
		expect(input).toEqual([iv(0, 10), iv(5, 20)]);
	});

	it('unions several sets', () => {
		expect(union([iv(0, 10)], [iv(10, 20)], [iv(30, 40)])).toEqual([iv(0, 20), iv(30, 40)]);
		expect(union()).toEqual([]);
	});
});

describe('subtract', () => {
	it('punches a hole in the middle (lunch break)', () => {
		expect(subtract([iv(540, 1020)], [iv(720, 780)])).toEqual([iv(540, 720), iv(780, 1020)]);
	});

	it('trims the edges and removes fully covered intervals', () => {
		expect(
			subtract([iv(0, 10), iv(20, 30), iv(40, 50)], [iv(-5, 2), iv(18, 32), iv(48, 60)])
		).toEqual([iv(2, 10), iv(40, 48)]);
	});

	it('handles one hole spanning several intervals and unsorted inputs', () => {
		expect(subtract([iv(40, 50), iv(0, 10), iv(20, 30)], [iv(5, 45)])).toEqual([
			iv(0, 5),
			iv(45, 50)
		]);
	});

	it('keeps everything when holes only touch', () => {
		expect(subtract([iv(10, 20)], [iv(0, 10), iv(20, 30)])).toEqual([iv(10, 20)]);
		expect(subtract([iv(10, 20)], [])).toEqual([iv(10, 20)]);
		expect(subtract([], [iv(0, 5)])).toEqual([]);
	});

	it('matches a minute-by-minute bitmap', () => {
		const set = fc.array(
			fc
				.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
				.map(([a, b]) => iv(a, b)),
			{ maxLength: 6 }
		);
		const member = (ivs: Interval[], m: number) => ivs.some((i) => i.start <= m && m < i.end);
		fc.assert(
			fc.property(set, set, (from, remove) => {
				const result = subtract(from, remove);
				for (let m = 0; m < 100; m++) {
					expect(member(result, m)).toBe(member(from, m) && !member(remove, m));
				}
				// Result is itself normalised: sorted, non-empty, not touching.
				result.forEach((r, i) => {
					expect(r.start).toBeLessThan(r.end);
					if (i > 0) expect(result[i - 1]!.end).toBeLessThan(r.start);
				});
			})
		);
	});
});

describe('overlaps / overlapsAny', () => {
	it('is half-open: back-to-back does not overlap', () => {
		expect(overlaps(iv(0, 10), iv(10, 20))).toBe(false);
		expect(overlaps(iv(10, 20), iv(0, 10))).toBe(false);
		expect(overlaps(iv(0, 10), iv(9, 20))).toBe(true);
		expect(overlaps(iv(0, 30), iv(10, 20))).toBe(true);
		expect(overlaps(iv(0, 30), iv(10, 10))).toBe(false);
	});

	it('finds overlaps in a normalised list by binary search', () => {
		const busy = normalize([iv(10, 20), iv(30, 40), iv(50, 60)]);
		expect(overlapsAny(busy, iv(0, 10))).toBe(false);
		expect(overlapsAny(busy, iv(20, 30))).toBe(false);
		expect(overlapsAny(busy, iv(60, 70))).toBe(false);
		expect(overlapsAny(busy, iv(19, 21))).toBe(true);
		expect(overlapsAny(busy, iv(0, 100))).toBe(true);
		expect(overlapsAny(busy, iv(55, 56))).toBe(true);
		expect(overlapsAny(busy, iv(35, 35))).toBe(false);
		expect(overlapsAny([], iv(0, 100))).toBe(false);
	});

	it('agrees with a linear scan', () => {
		const ivArb = fc
			.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 }))
			.map(([a, len]) => iv(a, a + len));
		fc.assert(
			fc.property(fc.array(ivArb, { maxLength: 8 }), ivArb, (raw, probe) => {
				const expected = raw.some((r) => overlaps(r, probe));
				expect(overlapsAny(normalize(raw), probe)).toBe(expected);
			})
		);
	});
});
