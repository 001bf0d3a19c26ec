import { json } from '@sveltejs/kit';
import { SessionIdSchema } from '$lib/features/sessions/schemas';
import { visibleSession } from '$lib/features/sessions/lifecycle.server';
import { withUser } from '$lib/server/db';
import { api, requireUser } from '$lib/server/http/handler';

export const GET = api(async (event) => {
	const user = requireUser(event);
	const { id } = SessionIdSchema.parse(event.params);
	return json({ session: await withUser(user.claims, (tx) => visibleSession(tx, id)) });
});
