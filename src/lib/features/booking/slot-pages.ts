import { addDays, MS_PER_DAY, parseIsoDate } from '$lib/core/time/wall-clock';

/** How many weeks one page of the slot step shows. */
export const SLOT_WEEKS = 3;

/**
 * One page of the booking horizon: `page` 0 is today and the next SLOT_WEEKS × 7 − 1 days, the
 * next pages follow, the last one ends on the horizon's last day (the policy's `horizonDays`
 * after today, as book_session counts it). A page past the end is the last one.
 */
export interface SlotPage {
	page: number;
	lastPage: number;
	startDate: string;
	endDate: string;
}

export function slotPageOf(today: string, horizonDays: number, page: number): SlotPage {
	const days = SLOT_WEEKS * 7;
	const lastPage = Math.max(0, Math.floor(horizonDays / days));
	const current = Math.min(Math.max(0, Math.trunc(page)), lastPage);
	const startDate = addDays(today, current * days);
	const horizonEnd = addDays(today, horizonDays);
	const pageEnd = addDays(startDate, days - 1);
	return {
		page: current,
		lastPage,
		startDate,
		endDate: pageEnd < horizonEnd ? pageEnd : horizonEnd
	};
}

/** The page that holds `date` (a chosen slot's day), counted from `today`. */
export function pageHolding(today: string, date: string): number {
	const days = Math.round((parseIsoDate(date)! - parseIsoDate(today)!) / MS_PER_DAY);
	return Math.max(0, Math.floor(days / (SLOT_WEEKS * 7)));
}
