import { HOME_BY_ROLE } from '$lib/core/roles';
import { isSupportedTimeZone } from '$lib/core/time/zones';
import { DEFAULT_TIME_ZONE, TIME_ZONE_COOKIE } from '$lib/i18n';
import { withService, withUser, type Tx } from '$lib/server/db';
import { readBookingPolicy } from '$lib/server/db/policy';
import { liveTransport } from '$lib/server/live/config';
import { getMyProfile } from '$lib/features/people/profiles.server';
import { unreadCount } from '$lib/features/notifications/inbox.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, cookies }) => {
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
	// The browser's own zone, as the root layout last wrote it (checked: it is shown, not trusted).
	const remembered = cookies.get(TIME_ZONE_COOKIE);
	const browserTimeZone = remembered && isSupportedTimeZone(remembered) ? remembered : null;
	return {
		locale: locals.locale,
		/** Every date and time is shown in the viewer's zone: their profile's, else their browser's. */
		timeZone: profile?.timeZone ?? browserTimeZone ?? DEFAULT_TIME_ZONE,
		browserTimeZone,
		policy,
		unread,
		/** How this page's live client receives changes (public: no secret in it). */
		live: liveTransport(),
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
