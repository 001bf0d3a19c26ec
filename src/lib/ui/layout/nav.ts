import type { UserRole } from '$lib/core/roles';
import type { MessageKey } from '$lib/i18n';

export interface NavItem {
	href: string;
	label: MessageKey;
}

/** The main navigation of each role. */
export const NAV_BY_ROLE: Record<UserRole, NavItem[]> = {
	student: [
		{ href: '/book', label: 'nav.book' },
		{ href: '/sessions', label: 'nav.sessions' },
		{ href: '/credits', label: 'nav.credits' }
	],
	parent: [
		{ href: '/book', label: 'nav.book' },
		{ href: '/sessions', label: 'nav.sessions' },
		{ href: '/credits', label: 'nav.credits' },
		{ href: '/family', label: 'nav.family' }
	],
	coach: [
		{ href: '/coach', label: 'nav.schedule' },
		{ href: '/coach/availability', label: 'nav.availability' },
		{ href: '/coach/profile', label: 'nav.profile' }
	],
	assistant: [
		{ href: '/assistant', label: 'nav.board' },
		{ href: '/assistant/credits', label: 'staffCredits.nav' },
		{ href: '/assistant/health', label: 'health.nav' },
		{ href: '/assistant/analytics', label: 'teamAnalytics.nav' }
	],
	admin: [
		{ href: '/assistant', label: 'nav.board' },
		{ href: '/assistant/credits', label: 'staffCredits.nav' },
		{ href: '/assistant/health', label: 'health.nav' },
		{ href: '/assistant/analytics', label: 'teamAnalytics.nav' }
	]
};
