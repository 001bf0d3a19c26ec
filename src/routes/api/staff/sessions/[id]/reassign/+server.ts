import { json } from '@sveltejs/kit';
import { ReassignSchema, SessionIdSchema } from '$lib/features/sessions/schemas';
import { reassignSession } from '$lib/features/sessions/staff-tools.server';
import { withUser } from '$lib/server/db';
import { api, readJson, requireUser } from '$lib/server/http/handler';

export const POST = api(async (event) => {
	const user = requireUser(event, 'assistant', 'admin');
	const { id } = SessionIdSchema.parse(event.params);
	const body = await readJson(event, ReassignSchema);
	return json(await withUser(user.claims, (tx) => reassignSession(tx, id, body)));
});
