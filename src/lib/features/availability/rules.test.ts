import { describe, expect, it } from 'vitest';
import { validateDaySlots } from './rules';
import type { DaySlotInput } from './types';

const open = (startTime: string, endTime: string): DaySlotInput => ({
	startTime,
	endTime,
	isAvailable: true
});
const off = (startTime: string, endTime: string): DaySlotInput => ({
	startTime,
	endTime,
	isAvailable: false
});
const codes = (slots: DaySlotInput[]) =>
	validateDaySlots(slots).map(({ code, indexes }) => ({ code, indexes }));

describe('validateDaySlots', () => {
	it('accepts a normal day, touching slots, an enclosed break and a 24:00 end', () => {
		expect(codes([open('09:00', '12:00'), open('12:00', '13:00'), off('10:00', '10:30')])).toEqual(
			[]
		);
		expect(codes([off('00:00', '24:00')])).toEqual([]);
		expect(codes([])).toEqual([]);
	});

	it('reports inverted and empty slots', () => {
		expect(codes([open('10:00', '09:00'), open('10:00', '10:00')])).toEqual([
			{ code: 'INVERTED_SLOT', indexes: [0] },
			{ code: 'INVERTED_SLOT', indexes: [1] }
		]);
	});

	it.each([
		['9:00', '10:00'],
		['09:00', '25:00'],
		['24:00', '24:00'],
		['10:60', '11:00'],
		['09:00:00', '10:00:00']
	])('reports malformed times %s–%s', (start, end) => {
		expect(codes([open(start, end)])).toEqual([{ code: 'INVALID_TIME', indexes: [0] }]);
	});

	it('reports slots shorter than 30 minutes, but accepts exactly 30', () => {
		expect(codes([open('09:00', '09:29'), off('12:00', '12:15'), open('14:00', '14:30')])).toEqual([
			{ code: 'SLOT_TOO_SHORT', indexes: [0] },
			{ code: 'SLOT_TOO_SHORT', indexes: [1] }
		]);
	});

	it('reports overlapping slots of the same kind with both indexes', () => {
		expect(codes([open('09:00', '12:00'), off('11:00', '14:00'), open('11:30', '13:00')])).toEqual([
			{ code: 'OVERLAPPING_SLOTS', indexes: [0, 2] }
		]);
		expect(codes([off('09:00', '10:00'), off('09:30', '11:00')])).toEqual([
			{ code: 'OVERLAPPING_SLOTS', indexes: [0, 1] }
		]);
	});

	it('lists problems in a stable order and skips unusable slots in the overlap check', () => {
		const problems = codes([
			open('10:00', '18:00'),
			open('13:00', '12:00'),
			open('x', '11:00'),
			open('11:00', '11:10'),
			open('17:00', '19:00')
		]);
		expect(problems).toEqual([
			{ code: 'INVERTED_SLOT', indexes: [1] },
			{ code: 'INVALID_TIME', indexes: [2] },
			{ code: 'SLOT_TOO_SHORT', indexes: [3] },
			{ code: 'OVERLAPPING_SLOTS', indexes: [0, 3] },
			{ code: 'OVERLAPPING_SLOTS', indexes: [0, 4] }
		]);
	});

	it('gives a human-readable message with each problem', () => {
		const [problem] = validateDaySlots([open('10:00', '09:00')]);
		expect(problem?.message).toContain('09:00');
	});
});
