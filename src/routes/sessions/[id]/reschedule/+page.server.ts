import { z } from 'zod';
import { RescheduleSchema } from '$lib/features/sessions/schemas';
import { wallSlotOf } from '$lib/core/time/wall-slot';
import { coachTimeZone } from '$lib/features/people/zones.server';
import { reschedule } from '$lib/features/sessions/lifecycle.server';
import { sessionOr404 } from '$lib/features/sessions/family-sessions.server';
import { freeSlots } from '$lib/features/booking/wizard.server';
import { ApiError } from '$lib/server/http/errors';
import { loadSessionChange, ReasonSchema, submitSessionChange } from '../session-change.server';
import type { Actions, PageServerLoad } from './$types';

/** The coach's other free slots of the same length (same price: reschedule keeps the credits). */
export const load: PageServerLoad = (event) =>
	loadSessionChange(event, async (tx, session) => ({
		slots: session.actions.reschedule
			? await freeSlots(tx, session.coachId, session.durationMinutes)
			: []
	}));

const MoveSchema = z.object({ slot: z.iso.datetime({ offset: true }), reason: ReasonSchema });

export const actions: Actions = {
	default: (event) =>
		submitSessionChange(
			event,
			MoveSchema,
			async (tx, id, form) => {
				const session = await sessionOr404(tx, id);
				const zone = await coachTimeZone(tx, session.coach.id);
				const wall = wallSlotOf(new Date(form.slot), session.durationMinutes, zone);
				if (!wall) throw new ApiError(422, 'OUTSIDE_AVAILABILITY', 'The slot crosses midnight');
				const body = RescheduleSchema.parse({
					scheduledDate: wall.date,
					startTime: wall.startTime,
					reason: form.reason || undefined
				});
				await reschedule(tx, id, body);
			},
			'moved'
		)
};
