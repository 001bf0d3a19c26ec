/** Test builders shared by the availability tests (fenced as test code by the boundary rules). */
import type { EditorSlot } from '../editor/model';
import type { OfferedSlot } from '../offered-slots';
import type { AvailabilityRule } from '../types';

/** A weekly editor slot, available unless said otherwise. */
export const weeklySlot = (
	dayOfWeek: number,
	startTime: string,
	endTime: string,
	id = 'x'
): EditorSlot => ({
	id,
	kind: 'weekly',
	dayOfWeek,
	date: null,
	startTime,
	endTime,
	isAvailable: true
});

/** A whole date off (a specific, unavailable 00:00–24:00 slot). */
export const dayOffSlot = (date: string, id = 'off'): EditorSlot => ({
	id,
	kind: 'specific',
	dayOfWeek: null,
	date,
	startTime: '00:00',
	endTime: '24:00',
	isAvailable: false
});

/** An offered slot named by its start instant (the date defaults to the instant's UTC day). */
export const offeredSlot = (startsAt: string, date = startsAt.slice(0, 10)): OfferedSlot => ({
	date,
	startTime: startsAt.slice(11, 16),
	endTime: '',
	startsAt,
	endsAt: ''
});

/** A stored weekly rule, as the database gives it back. */
export const weeklyRule = (
	dayOfWeek: number,
	startTime: string,
	endTime: string
): AvailabilityRule => ({
	isRecurring: true,
	dayOfWeek,
	specificDate: null,
	startTime,
	endTime,
	isAvailable: true
});

/** A stored date rule: extra hours, or hours off (`isAvailable` false). */
export const dateRule = (
	specificDate: string,
	startTime: string,
	endTime: string,
	isAvailable: boolean
): AvailabilityRule => ({
	isRecurring: false,
	dayOfWeek: null,
	specificDate,
	startTime,
	endTime,
	isAvailable
});
