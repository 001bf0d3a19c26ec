import type { UserRole } from '$lib/core/roles';
import type { MessageKey } from '$lib/i18n';

export interface NavItem {
	href: string;
	label: MessageKey;
}

const FAMILY_NAV: NavItem[] = [
	{ href: '/book', label: 'nav.book' },
	{ href: '/sessions', label: 'nav.sessions' },
	{ href: '/credits', label: 'nav.credits' }
];

/** An admin works the staff's screens: the same menu as an assistant. */
const STAFF_NAV: NavItem[] = [
	{ href: '/assistant', label: 'nav.board' },
	{ href: '/assistant/credits', label: 'staffCredits.nav' },
	{ href: '/assistant/health', label: 'health.nav' },
	{ href: '/assistant/analytics', label: 'teamAnalytics.nav' }
];

/** The main navigation of each role; a parent also manages the family. */
export const NAV_BY_ROLE: Record<UserRole, NavItem[]> = {
	student: FAMILY_NAV,
	parent: [...FAMILY_NAV, { href: '/family', label: 'nav.family' }],
	coach: [
		{ href: '/coach', label: 'nav.schedule' },
		{ href: '/coach/availability', label: 'nav.availability' },
		{ href: '/coach/profile', label: 'nav.profile' }
	],
	assistant: STAFF_NAV,
	admin: STAFF_NAV
};
