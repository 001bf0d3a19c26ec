import { json } from '@sveltejs/kit';
import { CoachDirectoryQuerySchema } from '$lib/domain/booking/schemas';
import { listCoachesForSubject } from '$lib/server/coaches/directory';
import { withService } from '$lib/server/db';
import { api, readQuery, requireUser } from '$lib/server/http/handler';

export const GET = api(async (event) => {
	requireUser(event);
	const { subject } = readQuery(event, CoachDirectoryQuerySchema);
	// Ratings and free slots depend on every family's sessions, which RLS hides from a family:
	// the service path computes them and only aggregates and free times leave it.
	const coaches = await withService((tx) => listCoachesForSubject(tx, subject));
	return json({ coaches });
});
