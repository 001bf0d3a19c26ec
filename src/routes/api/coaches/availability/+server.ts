import { json } from '@sveltejs/kit';
import {
	AvailabilityBodySchema,
	AvailabilityOverrideQuerySchema,
	AvailabilityQuerySchema
} from '$lib/features/availability/schemas';
import {
	coachToEdit,
	coachToRead,
	getAvailability,
	removeDateOverride,
	replaceAvailability
} from '$lib/features/availability/service.server';
import { recordUsageEvent } from '$lib/features/people/usage-events.server';
import { withUser } from '$lib/server/db';
import { api, readJson, readQuery, requireUser } from '$lib/server/http/handler';

export const GET = api(async (event) => {
	const user = requireUser(event);
	const query = readQuery(event, AvailabilityQuerySchema);
	const request = {
		coachId: coachToRead(user, query.coachId),
		startDate: query.startDate,
		endDate: query.endDate,
		durationMinutes: query.duration
	};
	return json(await withUser(user.claims, (tx) => getAvailability(tx, request)));
});

export const POST = api(async (event) => {
	const user = requireUser(event, 'coach', 'assistant', 'admin');
	const body = await readJson(event, AvailabilityBodySchema);
	const coachId = coachToEdit(user, body.coachId);
	const rules = await withUser(user.claims, async (tx) => {
		const rules = await replaceAvailability(tx, coachId, body);
		// The coaches' own use of the bulk tools (staff editing for a coach is not theirs).
		if (body.bulk && user.role === 'coach') await recordUsageEvent(tx, 'AVAILABILITY_BULK');
		return rules;
	});
	return json({ coachId, rules });
});

/** Remove a date's override (extra hours or day off): the weekly pattern applies again. */
export const DELETE = api(async (event) => {
	const user = requireUser(event, 'coach', 'assistant', 'admin');
	const query = readQuery(event, AvailabilityOverrideQuerySchema);
	const coachId = coachToEdit(user, query.coachId);
	const rules = await withUser(user.claims, (tx) =>
		removeDateOverride(tx, coachId, query.specificDate)
	);
	return json({ coachId, rules });
});
