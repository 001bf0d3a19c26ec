import { json } from '@sveltejs/kit';
import { RescheduleSchema, SessionIdSchema } from '$lib/features/sessions/schemas';
import { reschedule } from '$lib/features/sessions/lifecycle.server';
import { withUser } from '$lib/server/db';
import { api, readJson, requireUser } from '$lib/server/http/handler';

export const POST = api(async (event) => {
	const user = requireUser(event);
	const { id } = SessionIdSchema.parse(event.params);
	const body = await readJson(event, RescheduleSchema);
	return json({ session: await withUser(user.claims, (tx) => reschedule(tx, id, body)) });
});
