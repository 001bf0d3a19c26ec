/**
 * Editor state → FullCalendar events for the visible dates. The layer being edited (weekly or
 * specific-date rules) is drawn as draggable events; the other layer as background, so it stays
 * visible without catching clicks; booked sessions are always on top and read-only.
 */
import type { EventInput } from '@fullcalendar/core';
import { addDays, dayOfWeek, eachDate } from '$lib/core/time/wall-clock';
import type { IsoDate } from '../types';
import { visibleHours as visibleGridHours } from '$lib/ui/calendar/visible-hours';
import { calendarString } from '$lib/ui/calendar/wall-clock';
import type { WallSession } from './checks';
import { DAY_END, DAY_START, type EditorSlot, type SlotKind } from './model';

export interface EventLabels {
	available: string;
	unavailable: string;
	dayOff: string;
	session: (session: WallSession) => string;
}

export interface EventsInput {
	slots: readonly EditorSlot[];
	sessions: readonly WallSession[];
	mode: SlotKind;
	/** Slots with a validation problem, sessions left outside availability. */
	flagged: ReadonlySet<string>;
	/** Visible dates: [start, end). */
	start: IsoDate;
	end: IsoDate;
}

export interface EventMeta {
	slotId?: string;
	sessionId?: string;
}

function slotTitle(slot: EditorSlot, labels: EventLabels) {
	if (slot.isAvailable) return labels.available;
	return slot.startTime === DAY_START && slot.endTime === DAY_END
		? labels.dayOff
		: labels.unavailable;
}

function slotEvent(slot: EditorSlot, date: IsoDate, input: EventsInput, labels: EventLabels) {
	const edited = slot.kind === input.mode;
	const classNames = [
		'nx-slot',
		`nx-${slot.kind}`,
		slot.isAvailable ? 'nx-available' : 'nx-unavailable'
	];
	if (input.flagged.has(slot.id)) classNames.push('nx-problem');
	const event: EventInput = {
		id: `${slot.id}@${date}`,
		start: calendarString(date, slot.startTime),
		end: calendarString(date, slot.endTime),
		title: slotTitle(slot, labels),
		classNames,
		editable: edited,
		display: edited ? 'auto' : 'background',
		extendedProps: { slotId: slot.id } satisfies EventMeta
	};
	return event;
}

export function availabilityEvents(input: EventsInput, labels: EventLabels): EventInput[] {
	const dates = input.start < input.end ? eachDate(input.start, addDays(input.end, -1)) : [];
	const visible = new Set(dates);
	const events: EventInput[] = [];
	for (const date of dates) {
		const dow = dayOfWeek(date);
		for (const slot of input.slots) {
			if (slot.kind === 'weekly' ? slot.dayOfWeek === dow : slot.date === date) {
				events.push(slotEvent(slot, date, input, labels));
			}
		}
	}
	for (const session of input.sessions) {
		if (!visible.has(session.date) || session.status === 'CANCELLED') continue;
		const classNames = ['nx-session'];
		if (input.flagged.has(session.id)) classNames.push('nx-problem');
		events.push({
			id: `session-${session.id}`,
			start: session.startsAt,
			end: session.endsAt,
			title: labels.session(session),
			classNames,
			editable: false,
			interactive: false,
			extendedProps: { sessionId: session.id } satisfies EventMeta
		});
	}
	return events;
}

/**
 * The hours the grid shows: 08:00–22:00, widened to whole hours when a slot or session lies
 * outside. A day off (00:00–24:00) does not widen it.
 */
export function visibleHours(slots: readonly EditorSlot[], sessions: readonly WallSession[] = []) {
	return visibleGridHours([
		...slots.filter((s) => s.isAvailable || s.startTime !== DAY_START || s.endTime !== DAY_END),
		...sessions
	]);
}
