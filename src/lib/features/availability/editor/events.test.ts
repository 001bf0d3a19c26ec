import { describe, expect, it } from 'vitest';
import type { WallSession } from './checks';
import { availabilityEvents, visibleHours, type EventLabels } from './events';
import type { EditorSlot } from './model';
import { dayOffSlot } from '../test-support/builders';

const labels: EventLabels = {
	available: 'Disponible',
	unavailable: 'Indisponible',
	dayOff: 'Jour off',
	session: (s) => `${s.title} · ${s.studentName}`
};

const monday: EditorSlot = {
	id: 'mon',
	kind: 'weekly',
	dayOfWeek: 1,
	date: null,
	startTime: '17:00',
	endTime: '20:00',
	isAvailable: true
};
const christmasEve = dayOffSlot('2026-12-24');
const session: WallSession = {
	id: 's1',
	title: 'Maths',
	studentName: 'Lucas',
	status: 'SCHEDULED',
	startsAt: '2026-12-22T17:00:00Z',
	endsAt: '2026-12-22T18:00:00Z',
	date: '2026-12-22',
	startTime: '18:00',
	endTime: '19:00'
};

// The week of Monday 21 December 2026.
const week = { start: '2026-12-21', end: '2026-12-28' };

describe('calendar events of the visible week', () => {
	it('draws weekly slots on their weekday, editable in weekly mode', () => {
		const events = availabilityEvents(
			{
				slots: [monday, christmasEve],
				sessions: [session],
				mode: 'weekly',
				flagged: new Set(),
				...week
			},
			labels
		);
		expect(events.map((e) => [e.id, e.start, e.end, e.display, e.editable])).toEqual([
			['mon@2026-12-21', '2026-12-21T17:00:00', '2026-12-21T20:00:00', 'auto', true],
			['off@2026-12-24', '2026-12-24T00:00:00', '2026-12-25T00:00:00', 'background', false],
			['session-s1', '2026-12-22T17:00:00Z', '2026-12-22T18:00:00Z', undefined, false]
		]);
		expect(events[1]?.title).toBe('Jour off');
		expect(events[2]?.title).toBe('Maths · Lucas');
	});

	it('swaps layers in specific-date mode and flags problems', () => {
		const events = availabilityEvents(
			{
				slots: [monday, christmasEve],
				sessions: [],
				mode: 'specific',
				flagged: new Set(['off']),
				...week
			},
			labels
		);
		expect(events[0]).toMatchObject({ display: 'background', editable: false });
		expect(events[1]).toMatchObject({ display: 'auto', editable: true });
		expect(events[1]?.classNames).toContain('nx-problem');
	});

	it('shows nothing outside the visible dates', () => {
		const events = availabilityEvents(
			{
				slots: [christmasEve],
				sessions: [session],
				mode: 'weekly',
				flagged: new Set(),
				start: '2026-12-28',
				end: '2027-01-04'
			},
			labels
		);
		expect(events).toEqual([]);
	});

	it('widens the grid only for slots or sessions outside 08:00–22:00', () => {
		expect(visibleHours([monday, christmasEve])).toEqual({
			slotMinTime: '08:00:00',
			slotMaxTime: '22:00:00'
		});
		expect(
			visibleHours([{ ...monday, startTime: '06:30' }], [{ ...session, endTime: '22:30' }])
		).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '23:00:00' });
	});
});
