/**
 * Data of the availability workspace. Rules and sessions come from the availability and booking
 * modules; no SQL of its own.
 */
import { addDays } from '$lib/core/time/wall-clock';
import type { AvailabilityRule } from './types';
import type { BookedSession } from './editor/checks';
import { listCurrentRules, removeSpecificRules } from './repository.server';
import { listSessions } from '$lib/features/sessions/read-model.server';
import type { Tx } from '$lib/server/db';
import { coachCalendar } from '$lib/features/people/zones.server';

export interface AvailabilityWorkspace {
	coachId: string;
	timeZone: string;
	rules: AvailabilityRule[];
	/** Sessions from a week ago to the end of the booking horizon. */
	sessions: BookedSession[];
}

/** Families may book up to 90 days ahead (app_settings.booking_horizon_days). */
const HORIZON_DAYS = 92;

export async function loadAvailabilityWorkspace(
	tx: Tx,
	coachId: string
): Promise<AvailabilityWorkspace> {
	const { timeZone, today } = await coachCalendar(tx, coachId);
	const [rules, sessions] = await Promise.all([
		listCurrentRules(tx, coachId),
		listSessions(tx, {
			userId: coachId,
			status: ['SCHEDULED', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED'],
			startDate: addDays(today, -7),
			endDate: addDays(today, HORIZON_DAYS),
			limit: 200
		})
	]);
	return {
		coachId,
		timeZone,
		rules: rules.map(({ id: _id, ...rule }) => rule),
		sessions: sessions.map((s) => ({
			id: s.id,
			title: s.title,
			studentName: `${s.student.firstName} ${s.student.lastName}`.trim(),
			status: s.status,
			startsAt: new Date(s.startsAt).toISOString(),
			endsAt: new Date(s.endsAt).toISOString()
		}))
	};
}

/** Lets the weekly pattern apply again on `date` (the API's DELETE does the same). */
export const restoreWeeklyOn = removeSpecificRules;
