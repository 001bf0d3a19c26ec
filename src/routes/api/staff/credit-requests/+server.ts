import { json } from '@sveltejs/kit';
import { openCreditRequests } from '$lib/features/credits/requests.server';
import { withUser } from '$lib/server/db';
import { api, requireUser } from '$lib/server/http/handler';

/** The open credit requests, oldest first: the staff's queue. */
export const GET = api(async (event) => {
	const user = requireUser(event, 'assistant', 'admin');
	return json({ requests: await withUser(user.claims, openCreditRequests) });
});
