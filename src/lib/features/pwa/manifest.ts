/**
 * The web app manifest, worded in the reader's language and opening on their role's home.
 * One app whatever the role: `id` is fixed, only `start_url` and the shortcuts follow the role
 * (a coach's "Réserver" would be a 403).
 */
import { HOME_BY_ROLE, type UserRole } from '$lib/core/roles';
import type { Locale, MessageKey } from '$lib/i18n';

/** Every PNG in static/icons (scripts/make-icons.ts writes them). */
export const ICON_SIZES = [48, 72, 96, 128, 144, 152, 192, 256, 384, 512] as const;
/** The app's colours (src/app.css `--c-primary`, `--c-bg`). */
export const THEME_COLOR = '#1d3a8a';
export const BACKGROUND_COLOR = '#f6f7fb';

type Translate = (key: MessageKey) => string;

const SHORTCUTS: Record<'family' | 'coach' | 'staff', { key: MessageKey; url: string }[]> = {
	family: [
		{ key: 'nav.book', url: '/book' },
		{ key: 'nav.sessions', url: '/sessions' }
	],
	coach: [
		{ key: 'nav.schedule', url: '/coach' },
		{ key: 'nav.availability', url: '/coach/availability' }
	],
	staff: [{ key: 'nav.board', url: '/assistant' }]
};

const shortcutsOf = (role: UserRole | null) =>
	role === 'coach'
		? SHORTCUTS.coach
		: role === 'assistant' || role === 'admin'
			? SHORTCUTS.staff
			: SHORTCUTS.family;

export function webManifest(locale: Locale, role: UserRole | null, t: Translate) {
	return {
		id: '/',
		name: t('pwa.name'),
		short_name: t('app.name'),
		description: t('pwa.description'),
		lang: locale,
		dir: 'ltr',
		start_url: role ? HOME_BY_ROLE[role] : '/',
		scope: '/',
		display: 'standalone',
		orientation: 'any',
		theme_color: THEME_COLOR,
		background_color: BACKGROUND_COLOR,
		categories: ['education'],
		icons: ICON_SIZES.flatMap((size) => [
			{
				src: `/icons/icon-${size}.png`,
				sizes: `${size}x${size}`,
				type: 'image/png',
				purpose: 'any'
			},
			{
				src: `/icons/maskable-${size}.png`,
				sizes: `${size}x${size}`,
				type: 'image/png',
				purpose: 'maskable'
			}
		]),
		shortcuts: shortcutsOf(role).map(({ key, url }) => ({
			name: t(key),
			short_name: t(key),
			url,
			icons: [{ src: '/icons/icon-96.png', sizes: '96x96', type: 'image/png' }]
		}))
	};
}
