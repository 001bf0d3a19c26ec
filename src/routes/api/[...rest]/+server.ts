import { ApiError } from '$lib/server/http/errors';
import { api } from '$lib/server/http/handler';

// Unknown API paths answer in the API's JSON error shape, not an HTML page.
const notFound = api(async (event) => {
	throw new ApiError(
		404,
		'NOT_FOUND',
		`No API route ${event.request.method} ${event.url.pathname}`
	);
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
