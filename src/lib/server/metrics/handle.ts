import { isHttpError, isRedirect, type Handle } from '@sveltejs/kit';
import { ERROR_CODES, type ErrorCode } from '$lib/core/errors';
import { codeForStatus } from '../http/api-answers';
import { recordRequest } from './requests';

const isErrorCode = (value: unknown): value is ErrorCode =>
	ERROR_CODES.includes(value as ErrorCode);

/**
 * The stable code of a 4xx: an /api answer's `error.code` (its JSON is small and already in
 * memory), else the status's code, as the API would have said it. A code outside the
 * catalogue is never a label: it would let a caller mint series.
 */
async function codeOf(response: Response): Promise<ErrorCode> {
	if (/^application\/json\b/i.test(response.headers.get('content-type') ?? '')) {
		try {
			const code = ((await response.clone().json()) as { error?: { code?: unknown } })?.error?.code;
			if (isErrorCode(code)) return code;
		} catch {
			/* not our error shape (a form action's failure): the status says it */
		}
	}
	return codeForStatus(response.status);
}

/**
 * Outermost hook: every answer, including the hooks' own refusals and redirects, is timed
 * and counted under its route id. The duration stops when the answer's headers are ready (a
 * stream, such as /api/live, counts its opening, not its life).
 */
export const recordRequests: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const record = (status: number, seconds: number, code?: ErrorCode) =>
		recordRequest({ method: event.request.method, route: event.route.id, status, seconds, code });
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		const status = isRedirect(error) || isHttpError(error) ? error.status : 500;
		record(status, (performance.now() - started) / 1000, codeForStatus(status));
		throw error;
	}
	const seconds = (performance.now() - started) / 1000;
	const { status } = response;
	record(status, seconds, status >= 400 && status < 500 ? await codeOf(response) : undefined);
	return response;
};
