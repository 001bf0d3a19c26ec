import { describe, expect, it } from 'vitest';
import {
	canTransition,
	isCancellable,
	isLive,
	nextStatuses,
	SESSION_STATUSES,
	TRANSITIONS
} from './lifecycle';

describe('session lifecycle', () => {
	it('walks the happy path SCHEDULED → CONFIRMED → IN_PROGRESS → COMPLETED', () => {
		expect(canTransition('SCHEDULED', 'CONFIRMED')).toBe(true);
		expect(canTransition('CONFIRMED', 'IN_PROGRESS')).toBe(true);
		expect(canTransition('IN_PROGRESS', 'COMPLETED')).toBe(true);
	});

	it('never skips a step nor goes back', () => {
		expect(canTransition('SCHEDULED', 'COMPLETED')).toBe(false);
		expect(canTransition('CONFIRMED', 'SCHEDULED')).toBe(false);
		expect(canTransition('COMPLETED', 'IN_PROGRESS')).toBe(false);
	});

	it('cancels only before the start, and marks a no-show from any live state', () => {
		for (const from of SESSION_STATUSES) {
			expect(canTransition(from, 'CANCELLED')).toBe(isCancellable(from));
			expect(canTransition(from, 'NO_SHOW')).toBe(isLive(from));
		}
		expect(canTransition('IN_PROGRESS', 'CANCELLED')).toBe(false);
	});

	it('treats COMPLETED, CANCELLED and NO_SHOW as final', () => {
		for (const status of ['COMPLETED', 'CANCELLED', 'NO_SHOW'] as const) {
			expect(TRANSITIONS[status]).toEqual([]);
		}
	});

	it('offers a family only the cancellation, and staff every move', () => {
		expect(nextStatuses('SCHEDULED', 'family')).toEqual(['CANCELLED']);
		expect(nextStatuses('IN_PROGRESS', 'family')).toEqual([]);
		expect(nextStatuses('SCHEDULED', 'coach')).toEqual(['CONFIRMED', 'CANCELLED', 'NO_SHOW']);
		expect(nextStatuses('IN_PROGRESS', 'staff')).toEqual(['COMPLETED', 'NO_SHOW']);
	});
});
