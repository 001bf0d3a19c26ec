import {
	error as kitError,
	isHttpError,
	type RequestEvent,
	type RequestHandler
} from '@sveltejs/kit';
import { z } from 'zod';
import type { UserRole } from '$lib/core/roles';
import type { AppUser } from '../auth/types';
import { mapDatabaseError } from './db-errors';
import {
	ApiError,
	RateLimitedError,
	errorResponse,
	rateLimitedResponse,
	validationError,
	type ErrorCode
} from './errors';

type ApiHandler = (event: RequestEvent) => Promise<Response>;

// SvelteKit `error(status)` thrown below a handler (e.g. withUser's ended session).
const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
	401: 'UNAUTHENTICATED',
	403: 'FORBIDDEN',
	404: 'NOT_FOUND'
};

/**
 * Wrap a JSON API handler: every failure becomes `{"error":{code,message,fields}}`
 * with the right status; only a genuine bug is a 500 (and is logged).
 */
export function api(handler: ApiHandler): RequestHandler {
	return async (event) => {
		try {
			return await handler(event);
		} catch (error) {
			if (error instanceof ApiError) return errorResponse(error);
			if (error instanceof RateLimitedError) return rateLimitedResponse(error);
			if (error instanceof z.ZodError) return errorResponse(validationError(error));
			const mapped = mapDatabaseError(error);
			if (mapped) return errorResponse(mapped);
			if (isHttpError(error)) {
				const code = HTTP_CODES[error.status] ?? 'INTERNAL';
				return errorResponse(new ApiError(error.status, code, error.body.message));
			}
			console.error('[api]', event.request.method, event.url.pathname, error);
			return errorResponse(new ApiError(500, 'INTERNAL', 'Unexpected server error'));
		}
	};
}

/** 401 unless signed in; 403 unless one of `roles` (when given). */
export function requireUser(event: RequestEvent, ...roles: UserRole[]): AppUser {
	const user = event.locals.user;
	if (!user) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in or send a valid bearer token');
	if (roles.length && !roles.includes(user.role)) {
		throw new ApiError(403, 'FORBIDDEN', 'Your role cannot do this');
	}
	return user;
}

/**
 * The largest JSON body any endpoint needs: a full week of availability is ~10 kB, a booking
 * with a 2000-character description (every character \u-escaped) ~13 kB.
 */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

const tooLarge = () =>
	new ApiError(413, 'PAYLOAD_TOO_LARGE', `The body must be at most ${MAX_JSON_BODY_BYTES} bytes`);

/**
 * The body as text, refused (413) once it passes `limit` bytes whatever it declares. The rest of
 * an oversized body is read and dropped (adapter-node's BODY_SIZE_LIMIT bounds it): cancelling
 * the stream would destroy the socket and the client would get no answer at all.
 */
async function readBodyText(request: Request, limit: number): Promise<string> {
	if (Number(request.headers.get('content-length')) > limit) throw tooLarge();
	if (!request.body) return '';
	const reader = request.body.getReader();
	const decoder = new TextDecoder();
	let text = '';
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size <= limit) text += decoder.decode(value, { stream: true });
		}
	} catch (error) {
		// adapter-node's own BODY_SIZE_LIMIT (or a lying content-length) fails the stream with 413.
		if (error instanceof ApiError || (error as { status?: number })?.status === 413) {
			throw tooLarge();
		}
		throw new ApiError(400, 'BAD_REQUEST', 'The body could not be read');
	}
	if (size > limit) throw tooLarge();
	return text + decoder.decode();
}

/** Parse a JSON body with a zod schema; malformed JSON is a 400, an oversized body a 413. */
export async function readJson<S extends z.ZodType>(
	event: RequestEvent,
	schema: S
): Promise<z.infer<S>> {
	const text = await readBodyText(event.request, MAX_JSON_BODY_BYTES);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new ApiError(400, 'VALIDATION_FAILED', 'The body must be valid JSON');
	}
	return schema.parse(body);
}

export function readQuery<S extends z.ZodType>(event: RequestEvent, schema: S): z.infer<S> {
	return schema.parse(Object.fromEntries(event.url.searchParams));
}

/** For pages: the same guard as a redirect-able SvelteKit error. */
export function pageUser(event: Pick<RequestEvent, 'locals'>, ...roles: UserRole[]): AppUser {
	const user = event.locals.user;
	if (!user) kitError(401, 'Not signed in');
	if (roles.length && !roles.includes(user.role)) kitError(403, 'Forbidden');
	return user;
}

/**
 * For pages: run `work` and show a service's refusal (`ApiError`, e.g. a 404 for a session that is
 * not the caller's) as SvelteKit's error page with the same status and code. Services never throw
 * kit errors themselves, so they can run outside a request.
 */
export async function orPageError<T>(work: () => T | Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof ApiError)
			kitError(error.status, { message: error.message, code: error.code });
		throw error;
	}
}
