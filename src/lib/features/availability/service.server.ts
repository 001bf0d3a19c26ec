import { validateDaySlots } from './rules';
import { computeSlots, policyLimits } from './slots';
import type { DaySlotInput, IsoDate, Slot } from './types';
import type { AvailabilityBody } from '$lib/features/availability/schemas';
import type { AppUser } from '$lib/server/auth/types';
import type { Tx } from '$lib/server/db/as-user';
import { ApiError, type FieldErrors } from '$lib/server/http/errors';
import {
	listCurrentRules,
	loadCoachSchedule,
	removeSpecificRules,
	replaceSpecificRules,
	replaceWeeklyRules,
	type StoredRule
} from './repository.server';

export interface SlotView {
	date: IsoDate;
	startTime: string;
	endTime: string;
	startsAt: Date;
	endsAt: Date;
}

export interface AvailabilityView {
	coachId: string;
	timeZone: string;
	rules: StoredRule[];
	slots: SlotView[];
}

export interface AvailabilityRequest {
	coachId: string;
	startDate: IsoDate;
	endDate: IsoDate;
	durationMinutes: number;
}

const toSlotView = ({ date, startTime, endTime, startsAt, endsAt }: Slot): SlotView => ({
	date,
	startTime,
	endTime,
	startsAt,
	endsAt
});

/**
 * A coach's rules and bookable slots over a date range (dates in the coach's zone).
 * `tx` must see all of the coach's sessions, or slots taken by other families would show as free.
 */
export async function getAvailability(
	tx: Tx,
	request: AvailabilityRequest,
	now = new Date()
): Promise<AvailabilityView> {
	const { coachId, startDate, endDate, durationMinutes } = request;
	const schedule = await loadCoachSchedule(tx, coachId, startDate, endDate);
	if (!schedule) throw new ApiError(404, 'NOT_FOUND', 'No such coach');
	const slots = computeSlots(schedule.rules, schedule.busy, {
		timeZone: schedule.timeZone,
		startDate,
		endDate,
		durationMinutes,
		now,
		...policyLimits(schedule.policy)
	});
	return {
		coachId,
		timeZone: schedule.timeZone,
		rules: schedule.rules,
		slots: slots.map(toSlotView)
	};
}

/** Overlapping slots of one kind on one day: reported with their paths, as the SQL would refuse. */
function overlapFields(days: { path: string; slots: DaySlotInput[] }[]): FieldErrors {
	const fields: FieldErrors = {};
	for (const { path, slots } of days) {
		for (const problem of validateDaySlots(slots)) {
			if (problem.code !== 'OVERLAPPING_SLOTS') continue;
			(fields[`${path}slots.${problem.indexes[1]}`] ??= []).push(problem.message);
		}
	}
	return fields;
}

function checkNoOverlaps(body: AvailabilityBody): void {
	const days =
		body.type === 'weekly'
			? body.schedule.map((day, i) => ({ path: `schedule.${i}.`, slots: day.slots }))
			: [{ path: '', slots: body.slots }];
	const fields = overlapFields(days);
	if (Object.keys(fields).length > 0) {
		throw new ApiError(422, 'OVERLAPPING_SLOTS', 'Two availability slots overlap', fields);
	}
}

/**
 * Replace a coach's weekly schedule for the weekdays given, or one date's rules, and return the
 * resulting rules. The RPC checks that the caller is this coach or staff (403) and that the id
 * is a coach (404).
 */
export async function replaceAvailability(
	tx: Tx,
	coachId: string,
	body: AvailabilityBody
): Promise<StoredRule[]> {
	checkNoOverlaps(body);
	if (body.type === 'weekly') {
		const days = body.schedule.map((day) => day.dayOfWeek);
		const slots = body.schedule.flatMap((day) =>
			day.slots.map((slot) => ({ dayOfWeek: day.dayOfWeek, ...slot }))
		);
		await replaceWeeklyRules(tx, coachId, days, slots);
	} else {
		await replaceSpecificRules(tx, coachId, body.specificDate, body.slots);
	}
	return listCurrentRules(tx, coachId);
}

/** Drop one date's specific rules (the weekly pattern applies again) and return the rules. */
export async function removeDateOverride(
	tx: Tx,
	coachId: string,
	date: IsoDate
): Promise<StoredRule[]> {
	await removeSpecificRules(tx, coachId, date);
	return listCurrentRules(tx, coachId);
}

/** Whose availability to read: the one asked for, else the caller when they are a coach. */
export function coachToRead(user: AppUser, coachId: string | undefined): string {
	if (coachId) return coachId;
	if (user.role === 'coach') return user.id;
	throw new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', {
		coachId: ['Required unless you are a coach']
	});
}

/**
 * Whose availability to replace: coaches edit only their own (403 for anyone else's, before SQL
 * is asked); staff must say which coach.
 */
export function coachToEdit(user: AppUser, coachId: string | undefined): string {
	if (user.role === 'coach') {
		if (coachId && coachId !== user.id) {
			throw new ApiError(403, 'FORBIDDEN', 'A coach can only change their own availability');
		}
		return user.id;
	}
	return coachToRead(user, coachId);
}
