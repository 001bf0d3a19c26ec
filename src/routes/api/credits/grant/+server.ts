import { json } from '@sveltejs/kit';
import { GrantCreditsSchema } from '$lib/features/credits/schemas';
import { grantCredits } from '$lib/features/credits/credits.server';
import { withUser } from '$lib/server/db';
import { api, readJson, requireUser } from '$lib/server/http/handler';

export const POST = api(async (event) => {
	const user = requireUser(event, 'assistant', 'admin');
	const body = await readJson(event, GrantCreditsSchema);
	return json(await withUser(user.claims, (tx) => grantCredits(tx, body)), { status: 201 });
});
