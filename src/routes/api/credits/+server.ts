import { json } from '@sveltejs/kit';
import { CreditsQuerySchema } from '$lib/features/credits/schemas';
import { creditsOverview } from '$lib/features/credits/credits.server';
import { withUser } from '$lib/server/db';
import { api, readQuery, requireUser } from '$lib/server/http/handler';

export const GET = api(async (event) => {
	const user = requireUser(event);
	const { studentId } = readQuery(event, CreditsQuerySchema);
	return json(await withUser(user.claims, (tx) => creditsOverview(tx, studentId)));
});
