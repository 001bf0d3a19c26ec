import { json } from '@sveltejs/kit';
import { CreditsQuerySchema, RequestCreditsSchema } from '$lib/features/credits/schemas';
import { listCreditRequests, requestCredits } from '$lib/features/credits/requests.server';
import { withUser } from '$lib/server/db';
import { api, readJson, readQuery, requireUser } from '$lib/server/http/handler';

/** A family asks staff for credits for one of its students. */
export const POST = api(async (event) => {
	const user = requireUser(event, 'student', 'parent');
	const body = await readJson(event, RequestCreditsSchema);
	return json(
		{ request: await withUser(user.claims, (tx) => requestCredits(tx, body)) },
		{ status: 201 }
	);
});

/** The requests the caller may see (a family its own, staff every one), newest first. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const { studentId } = readQuery(event, CreditsQuerySchema);
	return json({
		requests: await withUser(user.claims, (tx) => listCreditRequests(tx, { studentId }))
	});
});
