/**
 * Browser calls to the JSON API with the session cookie. Failures come back as the API's stable
 * error code ('NETWORK' when the server could not be reached), never as a thrown error.
 */
import { errorText, type I18n } from '$lib/i18n';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: string };

export async function callApi<T>(
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
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

/** A sentence for an error code, in the interface language (the shared `error.<CODE>` catalogue). */
export const errorMessage = (i18n: Pick<I18n, 't'>, code: string): string => errorText(i18n, code);
