import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { SubjectCodeSchema, UuidSchema } from '$lib/core/schemas';
import { FUNNEL_VIEW_STEPS, recordUsageEvent } from '$lib/features/people/usage-events.server';
import { withUser } from '$lib/server/db';
import { api, readJson, requireUser } from '$lib/server/http/handler';

const FunnelStepSchema = z.strictObject({
	step: z.enum(FUNNEL_VIEW_STEPS),
	subject: SubjectCodeSchema.optional(),
	coachId: UuidSchema.optional()
});

/**
 * The booking wizard says which step it shows (a family only; the last step, booked, is
 * recorded by the booking itself). A prefetched step never calls this: the page does once shown.
 */
export const POST = api(async (event) => {
	const user = requireUser(event, 'parent', 'student');
	const { step, subject, coachId } = await readJson(event, FunnelStepSchema);
	await withUser(user.claims, (tx) => recordUsageEvent(tx, step, { subject, coachId }));
	return json({ recorded: step });
});
