import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { DurationParamSchema, UuidSchema } from '$lib/core/schemas';
import { withUser } from '$lib/server/db';
import { freeSlots } from '$lib/features/booking/wizard.server';
import { api, readQuery, requireUser } from '$lib/server/http/handler';

const QuerySchema = z.object({ coach: UuidSchema, duration: DurationParamSchema });

/**
 * The current free slots of one coach (what the wizard's slot step shows),
 * polled by `$lib/client/live-slots.svelte.ts` until a push channel exists.
 */
export const GET = api(async (event) => {
	const user = requireUser(event, 'student', 'parent');
	const { coach, duration } = readQuery(event, QuerySchema);
	return json(
		{ slots: await withUser(user.claims, (tx) => freeSlots(tx, coach, duration)) },
		{ headers: { 'cache-control': 'no-store' } }
	);
});
