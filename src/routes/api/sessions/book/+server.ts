import { json } from '@sveltejs/kit';
import { BookSessionSchema, IdempotencyKeySchema } from '$lib/features/booking/schemas';
import { bookSession } from '$lib/features/booking/book.server';
import { withUser } from '$lib/server/db';
import { ApiError } from '$lib/server/http/errors';
import { api, readJson, requireUser } from '$lib/server/http/handler';

/** The key may come in the body or, as HTTP clients usually send it, in a header. */
function idempotencyKey(fromBody: string | undefined, header: string | null): string | undefined {
	if (header === null) return fromBody;
	const parsed = IdempotencyKeySchema.safeParse(header);
	const problem = !parsed.success
		? 'Must be 8 to 200 characters'
		: fromBody !== undefined && fromBody !== header
			? 'Differs from idempotencyKey in the body'
			: null;
	if (problem) {
		throw new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', {
			'Idempotency-Key': [problem]
		});
	}
	return header;
}

export const POST = api(async (event) => {
	const user = requireUser(event);
	const body = await readJson(event, BookSessionSchema);
	const key = idempotencyKey(body.idempotencyKey, event.request.headers.get('idempotency-key'));
	const result = await withUser(user.claims, (tx) =>
		bookSession(tx, { ...body, idempotencyKey: key })
	);
	// A replay answers with the first booking, but 200: nothing new was created.
	const status = result.replayed ? 200 : 201;
	return json({ session: result.session, balance: result.balance }, { status });
});
