import { json } from '@sveltejs/kit';
import { SessionIdSchema, StatusChangeSchema } from '$lib/features/sessions/schemas';
import { changeStatus } from '$lib/features/sessions/lifecycle.server';
import { withUser } from '$lib/server/db';
import { api, readJson, requireUser } from '$lib/server/http/handler';

export const PATCH = api(async (event) => {
	const user = requireUser(event);
	const { id } = SessionIdSchema.parse(event.params);
	const change = await readJson(event, StatusChangeSchema);
	return json(await withUser(user.claims, (tx) => changeStatus(tx, id, change)));
});
