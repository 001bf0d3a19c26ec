/**
 * A feature's messages: French is the source; the English catalogue must have
 * exactly the same keys (the type checker rejects a missing translation).
 */
export function defineMessages<const T extends Record<string, string>>(
	fr: T,
	en: Record<keyof T, string>
) {
	return { fr, en };
}
