import { TIME_ZONE_COOKIE } from '$lib/i18n';

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * Writes the browser's IANA zone into a cookie when the server does not know it yet (or it
 * changed: a trip), so the next server-rendered page shows times in it. A profile's zone still wins.
 */
export function rememberBrowserTimeZone(known: string | null): void {
	const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (!zone || zone === known) return;
	const secure = location.protocol === 'https:' ? '; secure' : '';
	document.cookie =
		`${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${ONE_YEAR_SECONDS}` +
		`; samesite=lax${secure}`;
}
