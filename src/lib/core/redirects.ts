/**
 * The one gate for redirect targets that come from a request (`?next=`, `redirectTo`): a path on
 * this site, returned as the URL parser normalises it, so non-ASCII is percent-encoded and the
 * `Location` header is always valid (Node refuses a header with non-ASCII or control characters,
 * which used to turn `/login?next=/日本` into a 500 after the session cookies were set).
 */
const BASE = new URL('http://redirect.invalid');
const MAX_LENGTH = 2048;
/** Control characters (which the URL parser would silently drop: `/\t/evil.test`) and `\`. */
const UNSAFE = /[\p{Cc}\\]/u;
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/** `target` as a safe same-site path, or `fallback` when it is anything else. */
export function safeRedirect(target: unknown, fallback = '/'): string {
	if (typeof target !== 'string' || target.length > MAX_LENGTH) return fallback;
	if (!target.startsWith('/') || target.startsWith('//') || UNSAFE.test(target)) return fallback;
	let url: URL;
	try {
		url = new URL(target, BASE);
	} catch {
		return fallback;
	}
	const path = url.pathname + url.search + url.hash;
	// Dot segments can collapse into `//host` ('/.//evil.test'): a protocol-relative URL.
	if (url.origin !== BASE.origin || path.startsWith('//') || !PRINTABLE_ASCII.test(path)) {
		return fallback;
	}
	return path;
}
