import { json } from '@sveltejs/kit';
import { CoachDirectoryQuerySchema } from '$lib/features/coaches/schemas';
import { listCoachesForSubject } from '$lib/features/coaches/directory.server';
import { withUser } from '$lib/server/db';
import { api, readQuery, requireUser } from '$lib/server/http/handler';

export const GET = api(async (event) => {
	const user = requireUser(event);
	const { subject } = readQuery(event, CoachDirectoryQuerySchema);
	const coaches = await withUser(user.claims, (tx) => listCoachesForSubject(tx, subject));
	return json({ coaches });
});
