import { parseWallTime } from '$lib/core/time/wall-clock';
import type { DaySlotInput, RuleProblem } from './types';

/** Shortest rule slot accepted; also the shortest bookable session. */
export const MIN_SLOT_MINUTES = 30;

interface ParsedSlot {
	start: number;
	end: number;
	isAvailable: boolean;
}

function checkSlot(slot: DaySlotInput, index: number, problems: RuleProblem[]): ParsedSlot | null {
	const start = parseWallTime(slot.startTime);
	const end = parseWallTime(slot.endTime, true);
	if (start === null || end === null) {
		const message = `Times must be HH:MM (24:00 only as an end): ${slot.startTime}–${slot.endTime}`;
		problems.push({ code: 'INVALID_TIME', indexes: [index], message });
		return null;
	}
	if (end <= start) {
		const message = `End ${slot.endTime} must be after start ${slot.startTime}`;
		problems.push({ code: 'INVERTED_SLOT', indexes: [index], message });
		return null;
	}
	if (end - start < MIN_SLOT_MINUTES) {
		const message = `Slot ${slot.startTime}–${slot.endTime} is shorter than ${MIN_SLOT_MINUTES} minutes`;
		problems.push({ code: 'SLOT_TOO_SHORT', indexes: [index], message });
	}
	return { start, end, isAvailable: slot.isAvailable };
}

/**
 * Problems in the rule slots of ONE day (one weekday, or one specific date): the same checks as
 * the SQL constraints. Overlap is half-open and only between slots of the same kind: touching
 * slots are fine (they merge), and an unavailable slot inside an available one is the point.
 * Order is stable: per-slot problems by index, then overlapping pairs (i < j) by i, then j.
 */
export function validateDaySlots(slots: readonly DaySlotInput[]): RuleProblem[] {
	const problems: RuleProblem[] = [];
	const parsed = slots.map((slot, index) => checkSlot(slot, index, problems));
	parsed.forEach((a, i) => {
		parsed.slice(i + 1).forEach((b, offset) => {
			if (a === null || b === null || a.isAvailable !== b.isAvailable) return;
			if (a.start >= b.end || b.start >= a.end) return;
			const j = i + 1 + offset;
			const message = `Slots ${i} and ${j} overlap`;
			problems.push({ code: 'OVERLAPPING_SLOTS', indexes: [i, j], message });
		});
	});
	return problems;
}
