import { json } from '@sveltejs/kit';
import { type z } from 'zod';

import type { ErrorCode } from '$lib/core/errors';

export type { ErrorCode } from '$lib/core/errors';

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		message: string,
		readonly fields?: FieldErrors
	) {
		super(message);
	}
}

/** Too many attempts (brute-force limits): wait `retryAfterSeconds`, the HTTP `Retry-After`. */
export class RateLimitedError extends Error {
	constructor(readonly retryAfterSeconds: number) {
		super('Too many attempts: try again later');
	}
}

/** 429 in the API's error shape, with `Retry-After` (seconds). */
export function rateLimitedResponse(error: RateLimitedError): Response {
	const minutes = Math.ceil(error.retryAfterSeconds / 60);
	return errorResponse(
		new ApiError(
			429,
			'RATE_LIMITED',
			`Too many attempts: try again in ${minutes} minute${minutes > 1 ? 's' : ''}`
		),
		{ 'retry-after': String(error.retryAfterSeconds) }
	);
}

export function errorBody(code: ErrorCode, message: string, fields?: FieldErrors) {
	return { error: { code, message, ...(fields ? { fields } : {}) } };
}

export function errorResponse(error: ApiError, headers?: HeadersInit): Response {
	const response = json(errorBody(error.code, error.message, error.fields), {
		status: error.status,
		headers
	});
	// The rest of a refused body may still be on its way: end the connection rather than
	// make the client finish uploading it (some clients, Node's fetch among them, reset).
	if (error.status === 413) response.headers.set('connection', 'close');
	return response;
}

/** zod issues → `{ "field.path": ["message", …] }`. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const fields: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.join('.') || '_';
		(fields[key] ??= []).push(issue.message);
	}
	return fields;
}

export function validationError(error: z.ZodError): ApiError {
	return new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', fieldErrors(error));
}
