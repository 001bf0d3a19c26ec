import { z } from 'zod';
import { mapDatabaseError } from './db-errors';
import { ApiError, type ErrorCode } from './errors';

export interface ServiceFailure {
	status: number;
	code: ErrorCode;
}

/**
 * A service's refusal (ApiError, a zod validation error, or a database error
 * with a stable code) as `{ status, code }` for a form action's `fail()`.
 * Anything else is a bug and is rethrown, so it surfaces as a 500 and is logged.
 */
export function asServiceFailure(error: unknown): ServiceFailure {
	if (error instanceof z.ZodError) return { status: 400, code: 'VALIDATION_FAILED' };
	const known = error instanceof ApiError ? error : mapDatabaseError(error);
	if (!known || known.status >= 500) throw error;
	return { status: known.status, code: known.code };
}
