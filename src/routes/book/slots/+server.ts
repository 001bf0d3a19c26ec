import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { DurationParamSchema, UuidSchema } from '$lib/core/schemas';
import { withUser } from '$lib/server/db';
import { freeSlotPage } from '$lib/features/booking/wizard.server';
import { api, readQuery, requireUser } from '$lib/server/http/handler';

const QuerySchema = z.object({
	coach: UuidSchema,
	duration: DurationParamSchema,
	page: z.coerce.number().int().min(0).max(99).default(0)
});

/**
 * The current free slots of one coach on one page of the horizon (what the wizard's slot step
 * shows), read again by the wizard's live slot list when a slot changes or, as a fallback, on
 * its poll (`features/availability/live-slots.svelte.ts`).
 */
export const GET = api(async (event) => {
	const user = requireUser(event, 'student', 'parent');
	const { coach, duration, page } = readQuery(event, QuerySchema);
	const { slots } = await withUser(user.claims, (tx) => freeSlotPage(tx, coach, duration, page));
	return json({ slots }, { headers: { 'cache-control': 'no-store' } });
});
