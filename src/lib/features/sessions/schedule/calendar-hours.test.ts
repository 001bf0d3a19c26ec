import { describe, expect, it } from 'vitest';
import { scheduleHours } from './calendar-hours';

const PARIS = 'Europe/Paris';
const session = (startsAt: string, endsAt: string) => ({ startsAt, endsAt });

describe('the hours the schedule calendar draws', () => {
	it('are 08:00–22:00 with no session, or only sessions inside them', () => {
		const usual = { slotMinTime: '08:00:00', slotMaxTime: '22:00:00' };
		expect(scheduleHours([], PARIS)).toEqual(usual);
		// 17:00–18:30 in Paris (UTC+1 in winter).
		expect(scheduleHours([session('2026-11-24T16:00:00Z', '2026-11-24T17:30:00Z')], PARIS)).toEqual(
			usual
		);
	});

	it('widen to a 07:00 session and to one ending at 22:30, in the coach’s zone', () => {
		expect(
			scheduleHours(
				[
					session('2026-11-24T06:00:00Z', '2026-11-24T07:00:00Z'), // 07:00–08:00 Paris
					session('2026-11-25T20:30:00Z', '2026-11-25T21:30:00Z') // 21:30–22:30 Paris
				],
				PARIS
			)
		).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '23:00:00' });
	});

	it('read the wall clock of the coach’s zone, not UTC: summer time moves it by two hours', () => {
		// 05:30 UTC is 07:30 in Paris in July; in UTC the grid would not widen below 05:00.
		expect(scheduleHours([session('2026-07-01T05:30:00Z', '2026-07-01T06:30:00Z')], PARIS)).toEqual(
			{
				slotMinTime: '07:00:00',
				slotMaxTime: '22:00:00'
			}
		);
		expect(
			scheduleHours([session('2026-07-01T05:30:00Z', '2026-07-01T06:30:00Z')], 'UTC')
		).toMatchObject({ slotMinTime: '05:00:00' });
	});

	it('cover both days of a session across midnight (23:30–00:30)', () => {
		expect(scheduleHours([session('2026-11-24T22:30:00Z', '2026-11-24T23:30:00Z')], PARIS)).toEqual(
			{
				slotMinTime: '00:00:00',
				slotMaxTime: '24:00:00'
			}
		);
	});

	it('stop at midnight for a session ending exactly then', () => {
		expect(scheduleHours([session('2026-11-24T21:00:00Z', '2026-11-24T23:00:00Z')], PARIS)).toEqual(
			{
				slotMinTime: '08:00:00',
				slotMaxTime: '24:00:00'
			}
		);
	});
});
