/**
 * Which time zones the app accepts. A person chooses from a fixed list, the runtime's IANA zones
 * plus 'UTC' (Intl.supportedValuesOf leaves it out): checking a posted string is a set lookup that
 * never grows memory. (A cache of every string ever checked, the earlier way, grew with each
 * distinct value a client sent.)
 */
const SUPPORTED_TIME_ZONES: ReadonlySet<string> = new Set([
	...Intl.supportedValuesOf('timeZone'),
	'UTC'
]);

/** The zones a person may choose, for pickers (sorted as the runtime lists them, then UTC). */
export function supportedTimeZones(): string[] {
	return [...SUPPORTED_TIME_ZONES];
}

/** Whether a zone sent by a client may be stored: exactly one of the supported names. */
export function isSupportedTimeZone(timeZone: string): boolean {
	return SUPPORTED_TIME_ZONES.has(timeZone);
}

/**
 * Whether a zone already stored can be computed with. Besides the supported names, an alias the
 * runtime still understands is fine ('Europe/Kiev' after ICU renamed it 'Europe/Kyiv'), so a
 * runtime upgrade never breaks a coach's calendar. Not cached: stored zones are few and known.
 */
export function isUsableTimeZone(timeZone: string): boolean {
	if (SUPPORTED_TIME_ZONES.has(timeZone)) return true;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}
