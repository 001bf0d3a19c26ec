import { describe, expect, it } from 'vitest';
import { familyActions, splitByTime, type SessionLike } from './family-actions';

const NOW = new Date('2026-12-01T12:00:00Z');
const at = (
	hoursFromNow: number,
	status: SessionLike['status'] = 'SCHEDULED',
	rating: number | null = null
) => ({
	status,
	startsAt: new Date(NOW.getTime() + hoursFromNow * 3_600_000),
	endsAt: new Date(NOW.getTime() + (hoursFromNow + 1) * 3_600_000),
	rating
});

describe('familyActions', () => {
	it('offers cancel and reschedule well ahead of a scheduled session', () => {
		expect(familyActions(at(48), NOW, 24)).toEqual({
			cancel: true,
			reschedule: true,
			rate: false,
			join: true
		});
	});

	it('stops offering reschedule inside the 24 h window, keeps cancel', () => {
		const actions = familyActions(at(23, 'CONFIRMED'), NOW, 24);
		expect(actions.cancel).toBe(true);
		expect(actions.reschedule).toBe(false);
	});

	it('offers exactly 24 h ahead (the SQL compares with <=)', () => {
		expect(familyActions(at(24), NOW, 24).reschedule).toBe(true);
	});

	it('lets a completed session be rated once', () => {
		expect(familyActions(at(-48, 'COMPLETED'), NOW, 24).rate).toBe(true);
		expect(familyActions(at(-48, 'COMPLETED', 4), NOW, 24).rate).toBe(false);
		expect(familyActions(at(-48, 'COMPLETED'), NOW, 24).cancel).toBe(false);
	});

	it('offers nothing on a cancelled session', () => {
		expect(familyActions(at(48, 'CANCELLED'), NOW, 24)).toEqual({
			cancel: false,
			reschedule: false,
			rate: false,
			join: false
		});
	});
});

describe('splitByTime', () => {
	it('puts live future sessions first, soonest first; the rest latest first', () => {
		const sessions = [
			at(72),
			at(-72, 'COMPLETED'),
			at(24),
			at(48, 'CANCELLED'),
			at(-24, 'NO_SHOW')
		];
		const { upcoming, past } = splitByTime(sessions, NOW);
		expect(upcoming).toEqual([sessions[2], sessions[0]]);
		expect(past).toEqual([sessions[3], sessions[4], sessions[1]]);
	});

	it('keeps a session in progress among the upcoming until it ends', () => {
		const running = at(-0.5, 'IN_PROGRESS');
		expect(splitByTime([running], NOW).upcoming).toEqual([running]);
	});
});
