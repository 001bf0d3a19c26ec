import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { fieldCodes, optionalText } from '$lib/core/schemas';
import { RescheduleSchema } from '$lib/features/sessions/schemas';
import { wallSlotOf } from '$lib/core/time/wall-slot';
import { coachTimeZone } from '$lib/features/people/zones.server';
import { reschedule } from '$lib/features/sessions/lifecycle.server';
import { withUser } from '$lib/server/db';
import { freeSlots } from '$lib/features/booking/wizard.server';
import { asServiceFailure } from '$lib/server/http/service-failure';
import {
	sessionIdParam,
	sessionOr404,
	toFamilySession
} from '$lib/features/sessions/family-sessions.server';
import { ApiError } from '$lib/server/http/errors';
import { orPageError, pageUser } from '$lib/server/http/handler';
import type { Actions, PageServerLoad } from './$types';

/** The coach's other free slots of the same length (same price: reschedule keeps the credits). */
export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'student', 'parent');
	const id = await orPageError(() => sessionIdParam(event.params));
	const { policy } = await event.parent();
	return orPageError(() =>
		withUser(user.claims, async (tx) => {
			const session = toFamilySession(await sessionOr404(tx, id), policy);
			const slots = session.actions.reschedule
				? await freeSlots(tx, session.coachId, session.durationMinutes)
				: [];
			return { session, slots };
		})
	);
};

const MoveSchema = z.object({
	slot: z.iso.datetime({ offset: true }),
	reason: optionalText(1000, 'The reason', { multiline: true })
});

export const actions: Actions = {
	default: async (event) => {
		const user = pageUser(event, 'student', 'parent');
		const id = await orPageError(() => sessionIdParam(event.params));
		const form = MoveSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!form.success) {
			return fail(400, { code: 'VALIDATION_FAILED' as string, fields: fieldCodes(form.error) });
		}
		try {
			await withUser(user.claims, async (tx) => {
				const session = await sessionOr404(tx, id);
				const zone = await coachTimeZone(tx, session.coach.id);
				const wall = wallSlotOf(new Date(form.data.slot), session.durationMinutes, zone);
				if (!wall) throw new ApiError(422, 'OUTSIDE_AVAILABILITY', 'The slot crosses midnight');
				const body = RescheduleSchema.parse({
					scheduledDate: wall.date,
					startTime: wall.startTime,
					reason: form.data.reason || undefined
				});
				await reschedule(tx, id, body);
			});
		} catch (cause) {
			const failure = asServiceFailure(cause);
			return fail(failure.status, { code: failure.code as string });
		}
		redirect(303, `/sessions?moved=${id}`);
	}
};
