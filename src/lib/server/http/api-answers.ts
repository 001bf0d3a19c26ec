/**
 * Every `/api` answer is JSON with a stable code, including the ones SvelteKit writes itself
 * (405 for a method a route does not export, errors thrown before a handler runs).
 */
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { ApiError, errorResponse, type ErrorCode } from './errors';

export const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

const CODE_BY_STATUS: Record<number, ErrorCode> = {
	400: 'BAD_REQUEST',
	401: 'UNAUTHENTICATED',
	403: 'FORBIDDEN',
	404: 'NOT_FOUND',
	405: 'METHOD_NOT_ALLOWED',
	409: 'CONFLICT',
	413: 'PAYLOAD_TOO_LARGE',
	415: 'UNSUPPORTED_MEDIA_TYPE'
};

export const codeForStatus = (status: number): ErrorCode =>
	CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');

const MESSAGE_BY_STATUS: Record<number, string> = {
	400: 'The request is malformed',
	404: 'Not found',
	413: 'The body is too large'
};

const contentType = (response: Response) => response.headers.get('content-type') ?? '';

/** A non-JSON error answer rewritten into the API's shape; its `Allow` header is kept. */
export async function asJsonApiAnswer(response: Response, method: string): Promise<Response> {
	if (response.status < 400 || /^application\/json\b/i.test(contentType(response))) {
		return response;
	}
	// SvelteKit's own short text answers say what went wrong; an HTML error page does not.
	const text = /^text\/plain\b/i.test(contentType(response)) ? (await response.text()).trim() : '';
	const message =
		response.status === 405
			? `${method} is not allowed here`
			: response.status < 500 && text && text.length <= 200
				? text
				: (MESSAGE_BY_STATUS[response.status] ??
					(response.status >= 500 ? 'Unexpected server error' : 'The request was refused'));
	const allow = response.headers.get('allow');
	return errorResponse(
		new ApiError(response.status, codeForStatus(response.status), message),
		allow ? { allow } : undefined
	);
}

/** A failure thrown before any API handler ran (in the hooks), as the API's JSON shape. */
export function apiAnswerForThrown(error: unknown): Response {
	if (isRedirect(error)) throw error;
	if (isHttpError(error)) {
		return errorResponse(
			new ApiError(error.status, codeForStatus(error.status), error.body.message)
		);
	}
	if (error instanceof ApiError) return errorResponse(error);
	console.error('[api]', error);
	return errorResponse(new ApiError(500, 'INTERNAL', 'Unexpected server error'));
}
