/** Wall-clock choices (in the coach's zone) → instants, for booking and rescheduling alike. */
import type { IsoDate, WallTime } from '$lib/core/time/types';
import { wallClockToInstant } from '$lib/core/time/instants';
import { ApiError } from '$lib/server/http/errors';

export const invalidField = (field: string, message: string) =>
	new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', { [field]: [message] });

/** A wall-clock start on a date in `timeZone` → instant; 400 when the clock skips it (DST). */
export function startInstant(date: IsoDate, time: WallTime, timeZone: string): Date {
	const instant = wallClockToInstant(date, time, timeZone);
	if (!instant) throw invalidField('startTime', `${time} does not exist on ${date} in ${timeZone}`);
	return instant;
}
