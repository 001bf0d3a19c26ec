import { json } from '@sveltejs/kit';
import { StaffBookSchema } from '$lib/features/booking/schemas';
import { staffBookSession } from '$lib/features/booking/staff-book.server';
import { withUser } from '$lib/server/db';
import { api, readJson, requireUser } from '$lib/server/http/handler';

/** Staff book for a family: the booking request of /api/sessions/book, plus a reason. */
export const POST = api(async (event) => {
	const user = requireUser(event, 'assistant', 'admin');
	const body = await readJson(event, StaffBookSchema);
	const result = await withUser(user.claims, (tx) => staffBookSession(tx, body));
	return json(
		{ session: result.session, balance: result.balance },
		{ status: result.replayed ? 200 : 201 }
	);
});
