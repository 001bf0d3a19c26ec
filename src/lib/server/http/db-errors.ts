import { ApiError, type ErrorCode } from './errors';

/**
 * Database errors → stable API errors. RPCs raise `NB_<CODE>: message`
 * (SQLSTATE P0001); constraints raise their own SQLSTATEs. Anything not
 * listed here is a bug and stays a 500.
 */
export const RPC_CODES: Record<string, { status: number; code: ErrorCode }> = {
	NB_UNAUTHENTICATED: { status: 401, code: 'UNAUTHENTICATED' },
	NB_SESSION_ENDED: { status: 401, code: 'UNAUTHENTICATED' },
	NB_FORBIDDEN: { status: 403, code: 'FORBIDDEN' },
	NB_NOT_FOUND: { status: 404, code: 'NOT_FOUND' },
	NB_INSUFFICIENT_CREDITS: { status: 402, code: 'INSUFFICIENT_CREDITS' },
	NB_SLOT_TAKEN: { status: 409, code: 'SLOT_TAKEN' },
	NB_STUDENT_BUSY: { status: 409, code: 'STUDENT_BUSY' },
	NB_INVALID_TRANSITION: { status: 409, code: 'INVALID_TRANSITION' },
	NB_ALREADY_RATED: { status: 409, code: 'ALREADY_RATED' },
	NB_CONFLICT: { status: 409, code: 'CONFLICT' },
	NB_OVERLAPPING_SLOTS: { status: 422, code: 'OVERLAPPING_SLOTS' },
	NB_OUTSIDE_AVAILABILITY: { status: 422, code: 'OUTSIDE_AVAILABILITY' },
	NB_COACH_NOT_QUALIFIED: { status: 422, code: 'COACH_NOT_QUALIFIED' },
	NB_IN_THE_PAST: { status: 422, code: 'IN_THE_PAST' },
	NB_PRICE_MISMATCH: { status: 422, code: 'PRICE_MISMATCH' },
	NB_TOO_LATE: { status: 422, code: 'TOO_LATE' },
	NB_IDEMPOTENCY_KEY_REUSED: { status: 422, code: 'IDEMPOTENCY_KEY_REUSED' },
	NB_VALIDATION: { status: 400, code: 'VALIDATION_FAILED' }
};

export const CONSTRAINT_CODES: Record<
	string,
	{ status: number; code: ErrorCode; message: string }
> = {
	session_bookings_coach_no_overlap: {
		status: 409,
		code: 'SLOT_TAKEN',
		message: 'This slot has just been taken'
	},
	session_bookings_student_no_overlap: {
		status: 409,
		code: 'STUDENT_BUSY',
		message: 'The student already has a session at that time'
	},
	coach_availability_weekly_no_overlap: {
		status: 422,
		code: 'OVERLAPPING_SLOTS',
		message: 'Two availability slots overlap on the same day'
	},
	coach_availability_specific_no_overlap: {
		status: 422,
		code: 'OVERLAPPING_SLOTS',
		message: 'Two availability slots overlap on the same date'
	},
	credit_accounts_balance_check: {
		status: 402,
		code: 'INSUFFICIENT_CREDITS',
		message: 'Not enough credits'
	}
};

interface PgLikeError {
	code?: string;
	message?: string;
	constraint_name?: string;
	detail?: string;
}

export function mapDatabaseError(error: unknown): ApiError | null {
	const e = error as PgLikeError;
	if (!e || typeof e !== 'object' || typeof e.code !== 'string') return null;
	if (e.code === 'P0001' && e.message) {
		const match = /^(NB_[A-Z_]+):\s*(.*)$/s.exec(e.message);
		const known = match && RPC_CODES[match[1]!];
		if (known) return new ApiError(known.status, known.code, match[2]!.trim() || known.code);
	}
	const constraint = e.constraint_name && CONSTRAINT_CODES[e.constraint_name];
	if (constraint) return new ApiError(constraint.status, constraint.code, constraint.message);
	switch (e.code) {
		case '42501':
			return new ApiError(403, 'FORBIDDEN', 'You are not allowed to do this');
		case '23514':
		case '22007':
		case '22008':
		case '22P02':
		case '22023':
			return new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid');
		// U+0000 in text (22021) or in jsonb (22P05): the schemas refuse control characters
		// first, this is the backstop for any text that reaches SQL another way.
		case '22021':
		case '22P05':
			return new ApiError(
				400,
				'VALIDATION_FAILED',
				'The text contains a character that cannot be stored'
			);
		case '23505':
			return new ApiError(409, 'CONFLICT', 'This already exists');
		case '23503':
			return new ApiError(404, 'NOT_FOUND', 'A referenced record does not exist');
		default:
			return null;
	}
}
