import { describe, expect, it } from 'vitest';
import { findClashes, findProblems, toWallSessions } from './checks';
import type { EditorSlot } from './model';

const slot = (id: string, startTime: string, endTime: string, extra: Partial<EditorSlot> = {}) =>
	({
		id,
		kind: 'weekly',
		dayOfWeek: 2,
		date: null,
		startTime,
		endTime,
		isAvailable: true,
		...extra
	}) satisfies EditorSlot;

describe('validation while editing', () => {
	it('flags overlaps, inverted and too-short slots by slot id', () => {
		const problems = findProblems([
			slot('late', '18:00', '20:00'),
			slot('early', '17:00', '18:30'),
			slot('inverted', '12:00', '11:00', { dayOfWeek: 3 }),
			slot('short', '09:00', '09:15', { dayOfWeek: 4 })
		]);
		expect(problems).toEqual([
			{ key: 'w2', code: 'OVERLAPPING_SLOTS', slotIds: ['early', 'late'] },
			{ key: 'w3', code: 'INVERTED_SLOT', slotIds: ['inverted'] },
			{ key: 'w4', code: 'SLOT_TOO_SHORT', slotIds: ['short'] }
		]);
	});

	it('accepts touching slots and an unavailable block inside an available one', () => {
		expect(
			findProblems([
				slot('a', '17:00', '18:00'),
				slot('b', '18:00', '20:00'),
				slot('c', '18:30', '19:00', { isAvailable: false })
			])
		).toEqual([]);
	});
});

describe('booked sessions against edited rules', () => {
	// Tuesday 1 December 2026, 18:00–19:00 in Paris.
	const sessions = toWallSessions(
		[
			{
				id: 's1',
				title: 'Maths',
				studentName: 'Lucas',
				status: 'CONFIRMED',
				startsAt: '2026-12-01T17:00:00Z',
				endsAt: '2026-12-01T18:00:00Z'
			}
		],
		'Europe/Paris'
	);
	const now = new Date('2026-11-24T12:00:00Z');

	it('is quiet while the session lies inside the day', () => {
		expect(findClashes([slot('a', '17:00', '20:00')], sessions, now)).toEqual([]);
	});

	it('flags a session left outside by a shorter slot or a day off', () => {
		expect(findClashes([slot('a', '17:00', '18:30')], sessions, now)).toEqual(['s1']);
		const off = slot('off', '00:00', '24:00', {
			kind: 'specific',
			dayOfWeek: null,
			date: '2026-12-01',
			isAvailable: false
		});
		expect(findClashes([slot('a', '17:00', '20:00'), off], sessions, now)).toEqual(['s1']);
	});

	it('ignores past and cancelled sessions', () => {
		const later = new Date('2026-12-02T00:00:00Z');
		expect(findClashes([], sessions, later)).toEqual([]);
		const cancelled = sessions.map((s) => ({ ...s, status: 'CANCELLED' }));
		expect(findClashes([], cancelled, now)).toEqual([]);
	});
});
