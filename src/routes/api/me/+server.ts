import { json } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import { api, requireUser } from '$lib/server/http/handler';
import { getMyProfile } from '$lib/features/people/profiles.server';

export const GET = api(async (event) => {
	const user = requireUser(event);
	return json({ profile: await withUser(user.claims, getMyProfile) });
});
