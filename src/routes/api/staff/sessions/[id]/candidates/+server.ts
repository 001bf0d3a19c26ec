import { json } from '@sveltejs/kit';
import { SessionIdSchema } from '$lib/features/sessions/schemas';
import { reassignCandidates } from '$lib/features/sessions/staff-tools.server';
import { withUser } from '$lib/server/db';
import { api, requireUser } from '$lib/server/http/handler';

/** The coaches the session could be handed to: qualified for its subject, free at its time. */
export const GET = api(async (event) => {
	const user = requireUser(event, 'assistant', 'admin');
	const { id } = SessionIdSchema.parse(event.params);
	return json({ coaches: await withUser(user.claims, (tx) => reassignCandidates(tx, id)) });
});
