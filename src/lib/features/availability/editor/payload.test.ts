import { describe, expect, it } from 'vitest';
import type { EditorSlot } from './model';
import { changedKeys, saveRequests } from './payload';
import { dayOffSlot, weeklySlot } from '../test-support/builders';

const weekly = (id: string, dayOfWeek: number, startTime: string, endTime: string) =>
	weeklySlot(dayOfWeek, startTime, endTime, id);

describe('save payloads', () => {
	const baseline = [weekly('a', 1, '17:00', '20:00'), weekly('b', 3, '14:00', '19:00')];

	it('finds no change when only ids or order differ', () => {
		const same = [weekly('z', 3, '14:00', '19:00'), weekly('y', 1, '17:00', '20:00')];
		expect(changedKeys(baseline, same)).toEqual([]);
	});

	it('sends changed weekdays in one request, a cleared day as no slots', () => {
		const current = [weekly('a', 1, '17:00', '21:00')];
		const keys = changedKeys(baseline, current);
		expect(keys).toEqual(['w1', 'w3']);
		expect(saveRequests(current, keys)).toEqual([
			{
				keys: ['w1', 'w3'],
				body: {
					type: 'weekly',
					schedule: [
						{ dayOfWeek: 1, slots: [{ startTime: '17:00', endTime: '21:00', isAvailable: true }] },
						{ dayOfWeek: 3, slots: [] }
					]
				}
			}
		]);
	});

	it('restores the weekly pattern on a date whose own rules were all removed', () => {
		const off = dayOffSlot('2026-12-24', 'o');
		const requests = saveRequests(baseline, changedKeys([...baseline, off], baseline));
		expect(requests).toEqual([
			{ keys: ['d2026-12-24'], body: { type: 'restore', specificDate: '2026-12-24' } }
		]);
	});

	it('sends each changed date on its own, sorted by time', () => {
		const date = (id: string, startTime: string, isAvailable: boolean): EditorSlot => ({
			id,
			kind: 'specific',
			dayOfWeek: null,
			date: '2026-12-24',
			startTime,
			endTime: '23:00',
			isAvailable
		});
		const current = [...baseline, date('c', '20:00', true), date('d', '08:00', false)];
		const requests = saveRequests(current, changedKeys(baseline, current));
		expect(requests).toEqual([
			{
				keys: ['d2026-12-24'],
				body: {
					type: 'specific',
					specificDate: '2026-12-24',
					slots: [
						{ startTime: '08:00', endTime: '23:00', isAvailable: false },
						{ startTime: '20:00', endTime: '23:00', isAvailable: true }
					]
				}
			}
		]);
	});
});
