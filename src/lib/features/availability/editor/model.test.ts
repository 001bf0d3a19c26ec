import { describe, expect, it } from 'vitest';
import { weeklySlot } from '../test-support/builders';
import {
	applyDefaultPattern,
	clearDays,
	copyWeekday,
	fromRules,
	isDayOff,
	placeSlot,
	setDayOff,
	slotsOn,
	toRules,
	weekdayKey,
	type EditorSlot
} from './model';

const ids = () => {
	let n = 0;
	return () => `id${++n}`;
};

const weekly = weeklySlot;

describe('editor slots', () => {
	it('round-trips database rules, trimming seconds', () => {
		const slots = fromRules(
			[
				{
					isRecurring: true,
					dayOfWeek: 1,
					specificDate: null,
					startTime: '17:00:00',
					endTime: '20:00:00',
					isAvailable: true
				},
				{
					isRecurring: false,
					dayOfWeek: null,
					specificDate: '2026-12-24',
					startTime: '00:00',
					endTime: '24:00',
					isAvailable: false
				}
			],
			ids()
		);
		expect(slots.map((s) => [s.id, s.kind, s.startTime, s.endTime])).toEqual([
			['id1', 'weekly', '17:00', '20:00'],
			['id2', 'specific', '00:00', '24:00']
		]);
		expect(toRules(slots)[1]).toMatchObject({ isRecurring: false, specificDate: '2026-12-24' });
	});

	it('copies a weekday onto others, replacing what they had', () => {
		const slots = [weekly(1, '17:00', '20:00', 'a'), weekly(2, '09:00', '10:00', 'b')];
		const copied = copyWeekday(slots, 1, [1, 2, 4], ids());
		expect(slotsOn(copied, weekdayKey(2)).map((s) => s.startTime)).toEqual(['17:00']);
		expect(slotsOn(copied, weekdayKey(4)).map((s) => s.startTime)).toEqual(['17:00']);
		expect(slotsOn(copied, weekdayKey(1))).toHaveLength(1);
	});

	it('applies the default pattern over weekly slots only', () => {
		const off = setDayOff([weekly(0, '10:00', '12:00')], '2026-12-24', ids());
		const next = applyDefaultPattern(off, ids());
		expect(next.filter((s) => s.kind === 'weekly').map((s) => s.dayOfWeek)).toEqual([
			1, 2, 3, 4, 5, 6
		]);
		expect(next.some((s) => s.kind === 'specific')).toBe(true);
	});

	it('makes a day off replace the other rules of that date', () => {
		const newId = ids();
		const extra: EditorSlot = { ...weekly(0, '10:00', '12:00'), kind: 'specific', dayOfWeek: null };
		const slots = setDayOff([{ ...extra, date: '2026-12-24' }], '2026-12-24', newId);
		expect(slots).toHaveLength(1);
		expect(isDayOff(slots)).toBe(true);
	});

	it('clears days and places slots on another weekday', () => {
		const slots = [weekly(1, '17:00', '20:00', 'a'), weekly(2, '17:00', '20:00', 'b')];
		expect(clearDays(slots, [weekdayKey(1)]).map((s) => s.id)).toEqual(['b']);
		const moved = placeSlot(slots[0]!, {
			dayOfWeek: 3,
			date: '2026-11-25',
			startTime: '14:00',
			endTime: '16:00'
		});
		expect(moved).toMatchObject({ dayOfWeek: 3, date: null, startTime: '14:00' });
	});
});
