import { json } from '@sveltejs/kit';
import { SessionListQuerySchema } from '$lib/features/sessions/schemas';
import { listSessions } from '$lib/features/sessions/read-model.server';
import { withUser } from '$lib/server/db';
import { api, readQuery, requireUser } from '$lib/server/http/handler';

export const GET = api(async (event) => {
	const user = requireUser(event);
	const query = readQuery(event, SessionListQuerySchema);
	return json({ sessions: await withUser(user.claims, (tx) => listSessions(tx, query)) });
});
