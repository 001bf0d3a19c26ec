/**
 * The availability editor's data: rule slots as the coach edits them, and the pure operations on
 * them (add, move, copy a day, default pattern, clear). Dates are 'YYYY-MM-DD' and times 'HH:MM'
 * in the coach's zone, so nothing here depends on the browser's time zone.
 */
import { formatWallTime } from '$lib/core/time/wall-clock';
import type { AvailabilityRule, IsoDate, WallTime } from '../types';

export type SlotKind = 'weekly' | 'specific';

export interface EditorSlot {
	/** Client-side id (rules are replaced per day on save, so server ids do not matter). */
	id: string;
	kind: SlotKind;
	/** 0-6, Sunday = 0, for weekly slots. */
	dayOfWeek: number | null;
	/** For specific-date slots. */
	date: IsoDate | null;
	startTime: WallTime;
	endTime: WallTime;
	isAvailable: boolean;
}

/** Where a slot lives: a weekday ('w1' = Monday) or a date ('d2026-12-24'). */
export type DayKey = `w${number}` | `d${string}`;

export type NewId = () => string;

export const weekdayKey = (dayOfWeek: number): DayKey => `w${dayOfWeek}`;
export const dateKey = (date: IsoDate): DayKey => `d${date}`;
export const keyOf = (slot: EditorSlot): DayKey =>
	slot.kind === 'weekly' ? weekdayKey(slot.dayOfWeek ?? 0) : dateKey(slot.date ?? '');

/** Monday first, like the calendar and French habits. */
export const WEEKDAYS_MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const;

export const DAY_START: WallTime = '00:00';
export const DAY_END: WallTime = '24:00';

/** Quarter hours offered by the list editor (same grid as the calendar's snapping). */
const QUARTERS = Array.from({ length: 97 }, (_, i) => formatWallTime(i * 15));
export const START_TIMES: readonly WallTime[] = QUARTERS.slice(0, -1);
export const END_TIMES: readonly WallTime[] = QUARTERS.slice(1);

export function fromRules(rules: readonly AvailabilityRule[], newId: NewId): EditorSlot[] {
	return rules.map((rule) => ({
		id: newId(),
		kind: rule.isRecurring ? 'weekly' : 'specific',
		dayOfWeek: rule.isRecurring ? rule.dayOfWeek : null,
		date: rule.isRecurring ? null : rule.specificDate,
		startTime: rule.startTime.slice(0, 5),
		endTime: rule.endTime.slice(0, 5),
		isAvailable: rule.isAvailable
	}));
}

export function toRules(slots: readonly EditorSlot[]): AvailabilityRule[] {
	return slots.map((slot) => ({
		isRecurring: slot.kind === 'weekly',
		dayOfWeek: slot.kind === 'weekly' ? slot.dayOfWeek : null,
		specificDate: slot.kind === 'specific' ? slot.date : null,
		startTime: slot.startTime,
		endTime: slot.endTime,
		isAvailable: slot.isAvailable
	}));
}

/** Slots sorted by start time then end time: the order lists and payloads use. */
export function sortSlots<T extends { startTime: string; endTime: string }>(slots: readonly T[]) {
	return [...slots].sort(
		(a, b) => a.startTime.localeCompare(b.startTime) || a.endTime.localeCompare(b.endTime)
	);
}

export function slotsOn(slots: readonly EditorSlot[], key: DayKey): EditorSlot[] {
	return sortSlots(slots.filter((slot) => keyOf(slot) === key));
}

export function groupByDay(slots: readonly EditorSlot[]): Map<DayKey, EditorSlot[]> {
	const days = new Map<DayKey, EditorSlot[]>();
	for (const slot of slots) {
		const key = keyOf(slot);
		const day = days.get(key);
		if (day) day.push(slot);
		else days.set(key, [slot]);
	}
	return days;
}

/** A day off: the whole date unavailable, replacing any other specific rule of that date. */
export function setDayOff(slots: readonly EditorSlot[], date: IsoDate, newId: NewId) {
	const key = dateKey(date);
	const off: EditorSlot = {
		id: newId(),
		kind: 'specific',
		dayOfWeek: null,
		date,
		startTime: DAY_START,
		endTime: DAY_END,
		isAvailable: false
	};
	return [...slots.filter((slot) => keyOf(slot) !== key), off];
}

export const isDayOff = (day: readonly EditorSlot[]) =>
	day.some((s) => !s.isAvailable && s.startTime === DAY_START && s.endTime === DAY_END);

/** Replace the weekly slots of each target weekday by copies of `from`'s. */
export function copyWeekday(
	slots: readonly EditorSlot[],
	from: number,
	to: readonly number[],
	newId: NewId
): EditorSlot[] {
	const targets = to.filter((day) => day !== from);
	const source = slotsOn(slots, weekdayKey(from));
	const kept = slots.filter(
		(slot) => slot.kind !== 'weekly' || !targets.includes(slot.dayOfWeek ?? -1)
	);
	const copies = targets.flatMap((dayOfWeek) =>
		source.map((slot) => ({ ...slot, id: newId(), dayOfWeek }))
	);
	return [...kept, ...copies];
}

/** Weekday evenings, Wednesday and Saturday afternoons: a typical after-school week. */
export const DEFAULT_PATTERN: readonly { dayOfWeek: number; startTime: string; endTime: string }[] =
	[
		{ dayOfWeek: 1, startTime: '17:00', endTime: '20:00' },
		{ dayOfWeek: 2, startTime: '17:00', endTime: '20:00' },
		{ dayOfWeek: 3, startTime: '14:00', endTime: '20:00' },
		{ dayOfWeek: 4, startTime: '17:00', endTime: '20:00' },
		{ dayOfWeek: 5, startTime: '17:00', endTime: '20:00' },
		{ dayOfWeek: 6, startTime: '14:00', endTime: '18:00' }
	];

/** Replace every weekly slot by the default pattern (specific-date rules are kept). */
export function applyDefaultPattern(slots: readonly EditorSlot[], newId: NewId): EditorSlot[] {
	const pattern = DEFAULT_PATTERN.map((p): EditorSlot => ({
		...p,
		id: newId(),
		kind: 'weekly',
		date: null,
		isAvailable: true
	}));
	return [...slots.filter((slot) => slot.kind !== 'weekly'), ...pattern];
}

export function clearDays(slots: readonly EditorSlot[], keys: readonly DayKey[]): EditorSlot[] {
	return slots.filter((slot) => !keys.includes(keyOf(slot)));
}

export const ALL_WEEKDAY_KEYS: readonly DayKey[] = WEEKDAYS_MONDAY_FIRST.map(weekdayKey);

/** A slot's placement after a drag, resize or form edit. */
export interface Placement {
	date?: IsoDate;
	dayOfWeek?: number;
	startTime: WallTime;
	endTime: WallTime;
}

export function placeSlot(slot: EditorSlot, to: Placement): EditorSlot {
	return {
		...slot,
		startTime: to.startTime,
		endTime: to.endTime,
		dayOfWeek: slot.kind === 'weekly' ? (to.dayOfWeek ?? slot.dayOfWeek) : null,
		date: slot.kind === 'specific' ? (to.date ?? slot.date) : null
	};
}
