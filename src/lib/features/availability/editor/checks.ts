/**
 * Validation as the coach edits: the rules the server enforces per day (validateDaySlots, the
 * same checks as the SQL constraints), plus booked sessions that the edited rules would leave
 * outside the coach's availability (computed with the slot engine's own day rule).
 */
import { compileRules, openIntervalsOn } from '../slots';
import { validateDaySlots } from '../rules';
import { dayOfWeek, parseWallTime } from '$lib/core/time/wall-clock';
import type { IsoDate, RuleProblemCode, WallTime } from '../types';
import { wallRange } from '$lib/ui/calendar/wall-clock';
import { groupByDay, sortSlots, toRules, type DayKey, type EditorSlot } from './model';

export interface SlotProblem {
	key: DayKey;
	code: RuleProblemCode;
	slotIds: string[];
}

export function findProblems(slots: readonly EditorSlot[]): SlotProblem[] {
	const problems: SlotProblem[] = [];
	for (const [key, day] of groupByDay(slots)) {
		const sorted = sortSlots(day);
		for (const problem of validateDaySlots(sorted)) {
			const slotIds = problem.indexes.map((i) => sorted[i]?.id ?? '');
			problems.push({ key, code: problem.code, slotIds });
		}
	}
	return problems;
}

/** A booked session as the availability screen shows it. */
export interface BookedSession {
	id: string;
	title: string;
	studentName: string;
	status: string;
	startsAt: string;
	endsAt: string;
}

export interface WallSession extends BookedSession {
	date: IsoDate;
	startTime: WallTime;
	endTime: WallTime;
}

/** Statuses that hold the coach's time (the same set the overlap constraints consider). */
export const LIVE_STATUSES = ['SCHEDULED', 'CONFIRMED', 'IN_PROGRESS'];

export function toWallSessions(sessions: readonly BookedSession[], timeZone: string) {
	return sessions.map((s): WallSession => ({ ...s, ...wallRange(s.startsAt, s.endsAt, timeZone) }));
}

/**
 * Upcoming live sessions that would no longer lie inside one open interval of their date.
 * Booking keeps them (they are already paid for), but the coach should know before saving.
 */
export function findClashes(
	slots: readonly EditorSlot[],
	sessions: readonly WallSession[],
	now: Date
): string[] {
	const compiled = compileRules(toRules(slots));
	return sessions
		.filter((s) => LIVE_STATUSES.includes(s.status) && Date.parse(s.endsAt) > now.getTime())
		.filter((s) => {
			const start = parseWallTime(s.startTime) ?? 0;
			const end = parseWallTime(s.endTime, true) ?? 0;
			const open = openIntervalsOn(compiled, s.date, dayOfWeek(s.date));
			return !open.some((interval) => interval.start <= start && end <= interval.end);
		})
		.map((s) => s.id);
}
