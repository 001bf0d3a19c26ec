import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { UuidSchema } from '$lib/core/schemas';
import { resendFailedDelivery } from '$lib/features/notifications/index.server';
import { api, requireUser } from '$lib/server/http/handler';

/** A FAILED delivery goes back to PENDING for a new round of attempts, sent at once. */
export const POST = api(async (event) => {
	const user = requireUser(event, 'assistant', 'admin');
	const { id } = z.strictObject({ id: UuidSchema }).parse(event.params);
	return json({ delivery: await resendFailedDelivery(user.claims, id) });
});
