import { describe, expect, it } from 'vitest';
import { groupByDate, mergeSlots, nearestSlots } from './offered-slots';
import { offeredSlot } from './test-support/builders';

const slot = offeredSlot;

const A = slot('2026-12-01T16:00:00.000Z');
const B = slot('2026-12-01T16:30:00.000Z');
const C = slot('2026-12-02T13:00:00.000Z');

describe('mergeSlots', () => {
	it('marks a slot that is no longer offered as taken, and keeps it in place', () => {
		const shown = mergeSlots([], [A, B, C]);
		const next = mergeSlots(shown, [A, C]);
		expect(next.map((s) => [s.startsAt, s.taken])).toEqual([
			[A.startsAt, false],
			[B.startsAt, true],
			[C.startsAt, false]
		]);
	});

	it('adds a slot that became free (a cancellation) in time order', () => {
		const next = mergeSlots(mergeSlots([], [A, C]), [A, B, C]);
		expect(next.map((s) => s.startsAt)).toEqual([A.startsAt, B.startsAt, C.startsAt]);
		expect(next.every((s) => !s.taken)).toBe(true);
	});

	it('frees a slot marked taken when it is offered again', () => {
		const taken = mergeSlots(mergeSlots([], [A, B]), [A]);
		expect(mergeSlots(taken, [A, B]).find((s) => s.startsAt === B.startsAt)?.taken).toBe(false);
	});
});

describe('nearestSlots', () => {
	const all = [
		slot('2026-12-01T10:00:00.000Z'),
		slot('2026-12-01T12:00:00.000Z'),
		slot('2026-12-01T13:00:00.000Z'),
		slot('2026-12-03T12:00:00.000Z')
	];

	it('picks the closest before or after the target, then sorts them by time', () => {
		const near = nearestSlots(all, '2026-12-01T12:30:00.000Z', 3);
		expect(near.map((s) => s.startsAt)).toEqual([
			'2026-12-01T10:00:00.000Z',
			'2026-12-01T12:00:00.000Z',
			'2026-12-01T13:00:00.000Z'
		]);
	});

	it('never proposes the very slot that was just taken', () => {
		const near = nearestSlots(all, '2026-12-01T12:00:00.000Z', 1);
		expect(near.map((s) => s.startsAt)).toEqual(['2026-12-01T13:00:00.000Z']);
	});

	it('returns fewer when there are not enough', () => {
		expect(nearestSlots([], new Date('2026-12-01T12:00:00Z'))).toEqual([]);
	});
});

describe('groupByDate', () => {
	it('groups by the coach’s calendar date, in time order', () => {
		const groups = groupByDate([C, B, A]);
		expect(groups.map((g) => [g.date, g.slots.length])).toEqual([
			['2026-12-01', 2],
			['2026-12-02', 1]
		]);
		expect(groups[0]!.slots[0]!.startsAt).toBe(A.startsAt);
	});
});
