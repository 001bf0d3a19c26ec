import { json } from '@sveltejs/kit';
import { CreditRequestIdSchema, DecideCreditRequestSchema } from '$lib/features/credits/schemas';
import { decideCreditRequest } from '$lib/features/credits/requests.server';
import { withUser } from '$lib/server/db';
import { api, readJson, requireUser } from '$lib/server/http/handler';

export const POST = api(async (event) => {
	const user = requireUser(event, 'assistant', 'admin');
	const { id } = CreditRequestIdSchema.parse(event.params);
	const body = await readJson(event, DecideCreditRequestSchema);
	return json(await withUser(user.claims, (tx) => decideCreditRequest(tx, id, body)));
});
