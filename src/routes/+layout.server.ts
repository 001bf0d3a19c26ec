import { HOME_BY_ROLE } from '$lib/core/roles';
import { withUser } from '$lib/server/db';
import { getMyProfile } from '$lib/features/people/profiles.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const profile = locals.user ? await withUser(locals.user.claims, getMyProfile) : null;
	return {
		locale: locals.locale,
		user:
			locals.user && profile
				? {
						id: profile.id,
						role: profile.role,
						firstName: profile.firstName,
						lastName: profile.lastName,
						email: profile.email,
						timeZone: profile.timeZone,
						home: HOME_BY_ROLE[profile.role]
					}
				: null
	};
};
