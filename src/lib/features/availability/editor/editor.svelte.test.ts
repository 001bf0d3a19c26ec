import { describe, expect, it, vi } from 'vitest';
import { AvailabilityEditor } from './editor.svelte';
import { weeklyRule } from '../test-support/builders';

const mondayEvening = weeklyRule(1, '17:00', '20:00');

function editor() {
	return new AvailabilityEditor({
		timeZone: 'Europe/Paris',
		rules: [mondayEvening],
		sessions: [],
		now: () => new Date('2026-11-24T12:00:00Z')
	});
}

describe('AvailabilityEditor', () => {
	it('starts clean, becomes dirty on an edit, and undo/redo walk the history', () => {
		const e = editor();
		expect(e.dirty).toBe(false);
		const id = e.addOn('2026-11-25', 3, '14:00', '18:00');
		expect(e.dirty).toBe(true);
		expect(e.changed).toEqual(['w3']);
		e.place(id, { dayOfWeek: 4, startTime: '15:00', endTime: '18:00' });
		expect(e.changed).toEqual(['w4']);
		e.undo();
		expect(e.slotsOn('w3').map((s) => s.startTime)).toEqual(['14:00']);
		e.undo();
		expect(e.dirty).toBe(false);
		expect(e.canUndo).toBe(false);
		e.redo();
		expect(e.changed).toEqual(['w3']);
	});

	it('adds specific-date slots as extra hours or unavailable blocks', () => {
		const e = editor();
		e.mode = 'specific';
		e.addAvailable = false;
		e.addOn('2026-12-24', 4, '10:00', '12:00');
		expect(e.slots.at(-1)).toMatchObject({
			kind: 'specific',
			date: '2026-12-24',
			dayOfWeek: null,
			isAvailable: false
		});
	});

	it('validates live and refuses to save invalid days', async () => {
		const e = editor();
		const id = e.addOn('2026-11-23', 1, '19:00', '21:00');
		expect(e.problemsOf(id)).toEqual(['OVERLAPPING_SLOTS']);
		const send = vi.fn();
		expect(await e.save(send)).toEqual({ kind: 'invalid' });
		expect(send).not.toHaveBeenCalled();
	});

	it('saves the changed days and keeps what succeeded when a later request fails', async () => {
		const e = editor();
		e.clearDays(['w1']);
		e.setDayOff('2026-12-24');
		const send = vi.fn().mockResolvedValueOnce(null).mockResolvedValueOnce('FORBIDDEN');
		expect(await e.save(send)).toEqual({ kind: 'failed', code: 'FORBIDDEN', saved: 1 });
		// Clearing is a bulk tool: the save says so (the team's adoption figure).
		expect(send.mock.calls[0]?.[0]).toEqual({
			type: 'weekly',
			schedule: [{ dayOfWeek: 1, slots: [] }],
			bulk: true
		});
		expect(e.changed).toEqual(['d2026-12-24']);
		send.mockResolvedValue(null);
		expect(await e.save(send)).toEqual({ kind: 'saved', days: 1 });
		expect(e.dirty).toBe(false);
		// A plain edit after a successful save is not one.
		e.setDayOff('2026-12-25');
		await e.save(send);
		expect(send.mock.lastCall?.[0]).not.toHaveProperty('bulk');
	});

	it('records no undo step for an edit that changes nothing', () => {
		const e = editor();
		const id = e.slots[0]!.id;
		e.place(id, { dayOfWeek: 1, startTime: '17:00', endTime: '20:00' });
		expect(e.canUndo).toBe(false);
	});

	it('discards unsaved changes in one undoable step', () => {
		const e = editor();
		e.applyDefaultPattern();
		e.discard();
		expect(e.dirty).toBe(false);
		e.undo();
		expect(e.dirty).toBe(true);
	});

	it('asks about each booked session a change leaves out: keep it, or cancel it', async () => {
		const booked = (id: string, start: string) => ({
			id,
			title: id,
			studentName: 'Lucas Martin',
			status: 'SCHEDULED',
			startsAt: `2026-11-30T${start}:00Z`,
			endsAt: `2026-11-30T${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00:00Z`
		});
		const e = new AvailabilityEditor({
			timeZone: 'Europe/Paris',
			rules: [mondayEvening],
			sessions: [booked('a', '16:00'), booked('b', '17:00')],
			now: () => new Date('2026-11-24T12:00:00Z')
		});
		expect(e.clashes).toEqual([]);
		e.setDayOff('2026-11-30');
		expect(e.openClashes).toEqual(['a', 'b']);
		e.keep('a');
		expect(e.clashes).toEqual(['a', 'b']);
		expect(e.openClashes).toEqual(['b']);

		const refused = vi.fn().mockResolvedValue({ ok: false, code: 'INVALID_TRANSITION' });
		expect(await e.cancelSession('b', 'Congé', refused)).toBe(false);
		expect(e.cancelOutcome).toEqual({ ok: false, code: 'INVALID_TRANSITION' });
		expect(e.openClashes).toEqual(['b']);

		const cancel = vi.fn().mockResolvedValue({ ok: true });
		expect(await e.cancelSession('b', 'Congé', cancel)).toBe(true);
		expect(cancel).toHaveBeenCalledWith('b', 'Congé');
		expect(e.sessions.map((s) => s.id)).toEqual(['a']);
		expect(e.openClashes).toEqual([]);
		expect(e.cancelOutcome).toEqual({ ok: true, title: 'b' });
	});
});
