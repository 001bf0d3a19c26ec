/**
 * Browser calls to the JSON API with the session cookie. Failures come back as the API's stable
 * error code ('NETWORK' when the server could not be reached), never as a thrown error.
 */
import type { I18n, MessageKey } from '$lib/i18n';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: string };

export async function callApi<T>(
	method: 'GET' | 'POST' | 'PATCH',
	path: string,
	body?: unknown,
	fetcher: typeof fetch = fetch
): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetcher(path, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		return { ok: false, code: 'NETWORK' };
	}
	const payload: unknown = await response.json().catch(() => null);
	if (response.ok) return { ok: true, data: payload as T };
	const code = (payload as { error?: { code?: unknown } } | null)?.error?.code;
	return { ok: false, code: typeof code === 'string' ? code : 'INTERNAL' };
}

const KNOWN_ERRORS = new Set([
	'VALIDATION_FAILED',
	'UNAUTHENTICATED',
	'FORBIDDEN',
	'NOT_FOUND',
	'OVERLAPPING_SLOTS',
	'INVALID_TRANSITION',
	'TOO_LATE',
	'CONFLICT',
	'NETWORK'
]);

/** A sentence for an error code, in the interface language. */
export function errorMessage(i18n: I18n, code: string): string {
	const key = KNOWN_ERRORS.has(code) ? code : 'INTERNAL';
	return i18n.t(`coach.error.${key}` as MessageKey);
}
