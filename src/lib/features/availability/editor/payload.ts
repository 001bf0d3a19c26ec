/**
 * What to send on save: only the days that changed since the last load or save. The API
 * replaces the weekly schedule of the weekdays given (one request) and the rules of one
 * specific date at a time.
 */
import type { IsoDate } from '../types';
import { groupByDay, sortSlots, type DayKey, type EditorSlot } from './model';

export interface SlotBody {
	startTime: string;
	endTime: string;
	isAvailable: boolean;
}

/**
 * 'restore' removes a date's own rules so the weekly pattern applies again: the API cannot say
 * it (for a specific date, no slots means a day off).
 */
export type AvailabilityBody =
	| { type: 'weekly'; schedule: { dayOfWeek: number; slots: SlotBody[] }[]; bulk?: true }
	| { type: 'specific'; specificDate: IsoDate; slots: SlotBody[]; bulk?: true }
	| { type: 'restore'; specificDate: IsoDate };

export interface SaveRequest {
	body: AvailabilityBody;
	/** The editor days this request makes current on the server. */
	keys: DayKey[];
}

const toBody = (slots: readonly EditorSlot[]): SlotBody[] =>
	sortSlots(slots).map(({ startTime, endTime, isAvailable }) => ({
		startTime,
		endTime,
		isAvailable
	}));

const fingerprint = (slots: readonly EditorSlot[] = []) =>
	toBody(slots)
		.map((s) => `${s.startTime}-${s.endTime}-${s.isAvailable ? 1 : 0}`)
		.join(',');

/** Days whose slots differ between `baseline` and `current`, weekdays first, then by date. */
export function changedKeys(
	baseline: readonly EditorSlot[],
	current: readonly EditorSlot[]
): DayKey[] {
	const before = groupByDay(baseline);
	const after = groupByDay(current);
	const keys = new Set<DayKey>([...before.keys(), ...after.keys()]);
	return [...keys]
		.filter((key) => fingerprint(before.get(key)) !== fingerprint(after.get(key)))
		.sort();
}

/** `bulk`: a bulk tool made some of these changes (the server counts its use). */
export function saveRequests(
	current: readonly EditorSlot[],
	keys: readonly DayKey[],
	bulk = false
) {
	const flag = bulk ? ({ bulk: true } as const) : {};
	const days = groupByDay(current);
	const requests: SaveRequest[] = [];
	const weekly = keys.filter((key) => key.startsWith('w'));
	if (weekly.length) {
		const schedule = weekly.map((key) => ({
			dayOfWeek: Number(key.slice(1)),
			slots: toBody(days.get(key) ?? [])
		}));
		requests.push({ body: { type: 'weekly', schedule, ...flag }, keys: weekly });
	}
	for (const key of keys.filter((k) => k.startsWith('d'))) {
		const specificDate = key.slice(1);
		const slots = toBody(days.get(key) ?? []);
		const body: AvailabilityBody = slots.length
			? { type: 'specific', specificDate, slots, ...flag }
			: { type: 'restore', specificDate };
		requests.push({ body, keys: [key] });
	}
	return requests;
}
