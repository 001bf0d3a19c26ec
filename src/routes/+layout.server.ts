import { HOME_BY_ROLE } from '$lib/core/roles';
import { withService, withUser, type Tx } from '$lib/server/db';
import { readBookingPolicy } from '$lib/server/db/policy';
import { getMyProfile } from '$lib/features/people/profiles.server';
import { unreadCount } from '$lib/features/notifications/inbox.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	// One transaction for the page's shell: who is signed in, and the booking policy every screen
	// words its promises with (refund window, notice, start window).
	const user = locals.user;
	const read = async (tx: Tx) => ({
		profile: user ? await getMyProfile(tx) : null,
		policy: await readBookingPolicy(tx),
		unread: user ? await unreadCount(tx) : 0
	});
	const { profile, policy, unread } = user
		? await withUser(user.claims, read)
		: await withService(read);
	return {
		locale: locals.locale,
		policy,
		unread,
		user:
			user && profile
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
