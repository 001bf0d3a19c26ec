import type { IsoDate, WallTime } from '$lib/core/time/types';

export type { IsoDate, WallTime };

export interface AvailabilityRule {
	/** true: weekly rule for dayOfWeek; false: specific-date rule. */
	isRecurring: boolean;
	/** 0-6, Sunday = 0 (required when isRecurring). */
	dayOfWeek: number | null;
	/** Required when !isRecurring. */
	specificDate: IsoDate | null;
	startTime: WallTime;
	endTime: WallTime;
	isAvailable: boolean;
}

export interface BusyInterval {
	startsAt: Date;
	endsAt: Date;
}

export interface SlotQuery {
	/** Coach IANA zone, e.g. 'Europe/Paris'. */
	timeZone: string;
	/** Inclusive, in the coach's zone. */
	startDate: IsoDate;
	/** Inclusive, in the coach's zone. */
	endDate: IsoDate;
	/** Multiple of 30, 30..240. */
	durationMinutes: number;
	/** The start grid of the wall clock; default START_GRID_MINUTES (pass the policy's). */
	stepMinutes?: number;
	now: Date;
	/** From the booking policy. */
	minNoticeMinutes: number;
	/** From the booking policy: starts later than now + horizonDays × 24 h are not offered. */
	horizonDays: number;
	/** Only the first `limit` slots (the directory's next free hour): the days after are skipped. */
	limit?: number;
}

export interface Slot {
	date: IsoDate;
	startTime: WallTime;
	endTime: WallTime;
	startsAt: Date;
	endsAt: Date;
}

/** One rule row as edited for a single day (one weekday, or one specific date). */
export interface DaySlotInput {
	startTime: string;
	endTime: string;
	isAvailable: boolean;
}

export type RuleProblemCode =
	'INVERTED_SLOT' | 'OVERLAPPING_SLOTS' | 'INVALID_TIME' | 'SLOT_TOO_SHORT';

export interface RuleProblem {
	code: RuleProblemCode;
	/** Indexes into the validated array: one for per-slot problems, two for overlaps. */
	indexes: number[];
	message: string;
}
