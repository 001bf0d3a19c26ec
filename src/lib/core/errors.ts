/**
 * Stable error codes: the API contract (`{"error":{"code":…}}`), the codes form actions return,
 * and the keys of the one message catalogue (`error.<CODE>` in i18n/messages/errors.ts, which a
 * test checks covers every one of them in French and English).
 */
export const ERROR_CODES = [
	'VALIDATION_FAILED',
	'UNAUTHENTICATED',
	'INVALID_CREDENTIALS',
	'INVALID_RESET_LINK',
	'INVALID_SIGN_IN_LINK',
	'PASSWORD_REFUSED',
	'FORBIDDEN',
	'NOT_FOUND',
	'EMAIL_TAKEN',
	'INSUFFICIENT_CREDITS',
	'SLOT_TAKEN',
	'STUDENT_BUSY',
	'INVALID_TRANSITION',
	'ALREADY_RATED',
	'OVERLAPPING_SLOTS',
	'OUTSIDE_AVAILABILITY',
	'COACH_NOT_QUALIFIED',
	'IN_THE_PAST',
	'PRICE_MISMATCH',
	'TOO_LATE',
	'IDEMPOTENCY_KEY_REUSED',
	'CONFLICT',
	'RATE_LIMITED',
	'CROSS_SITE_REQUEST',
	'METHOD_NOT_ALLOWED',
	'PAYLOAD_TOO_LARGE',
	'UNSUPPORTED_MEDIA_TYPE',
	'BAD_REQUEST',
	// Written by scripts/client-errors.js when Node's HTTP parser refuses a request.
	'HEADERS_TOO_LARGE',
	'REQUEST_TIMEOUT',
	'INTERNAL'
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes only the browser produces: the server could not be reached, or the page saw the chosen
 * slot disappear before submitting, or the browser's push service refused a subscription. They
 * have messages too.
 */
export const CLIENT_ERROR_CODES = ['NETWORK', 'SLOT_UNAVAILABLE', 'PUSH_SERVICE'] as const;
