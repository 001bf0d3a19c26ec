import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { optionalText } from '$lib/core/schemas';
import { SESSION_STATUSES } from '$lib/core/enums';
import { BoardFiltersSchema, StaffNoteSchema } from '$lib/features/board/schemas';
import { addStaffNote, loadBoard } from '$lib/features/board/session-manager.server';
import { changeStatus } from '$lib/features/sessions/lifecycle.server';
import { openCreditRequests } from '$lib/features/credits/requests.server';
import { listFailedDeliveries } from '$lib/features/notifications/failed.server';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import { asServiceFailure } from '$lib/server/http/service-failure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'assistant', 'admin');
	// The live layer invalidates this when a session, a credit or a delivery changes.
	event.depends('app:board');
	// "Today" is the viewer's day (their zone, as the layout resolved it), not the database's.
	const { timeZone } = await event.parent();
	const filters = BoardFiltersSchema.parse(Object.fromEntries(event.url.searchParams));
	return withUser(user.claims, async (tx) => ({
		...(await loadBoard(tx, filters, timeZone, new Date())),
		// What needs someone: deliveries that failed for good, families waiting for credits.
		failed: await listFailedDeliveries(tx, 20),
		requests: await openCreditRequests(tx)
	}));
};

const StatusFormSchema = z.object({
	sessionId: z.uuid(),
	status: z.enum(SESSION_STATUSES),
	refund: z.enum(['policy', 'full', 'none']).catch('policy'),
	notes: optionalText(1000, 'Notes', { multiline: true })
});

export const actions: Actions = {
	/** A status change made from the board (staff may make every move the rules allow). */
	status: async (event) => {
		const user = pageUser(event, 'assistant', 'admin');
		const parsed = StatusFormSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { action: 'status', code: 'VALIDATION_FAILED' });
		const { sessionId, status, refund, notes } = parsed.data;
		try {
			const { session } = await withUser(user.claims, (tx) =>
				changeStatus(tx, sessionId, {
					status,
					notes: notes || undefined,
					refund: status !== 'CANCELLED' || refund === 'policy' ? undefined : refund === 'full'
				})
			);
			return { action: 'status', sessionId, title: session.title, status: session.status };
		} catch (error) {
			const failure = asServiceFailure(error);
			return fail(failure.status, { action: 'status', sessionId, code: failure.code as string });
		}
	},
	/** An internal note on a session. */
	note: async (event) => {
		const user = pageUser(event, 'assistant', 'admin');
		const form = Object.fromEntries(await event.request.formData());
		const sessionId = z.uuid().safeParse(form.sessionId);
		const note = StaffNoteSchema.safeParse({ body: form.body });
		if (!sessionId.success || !note.success)
			return fail(400, {
				action: 'note',
				sessionId: String(form.sessionId ?? ''),
				code: 'VALIDATION_FAILED'
			});
		try {
			await withUser(user.claims, (tx) => addStaffNote(tx, sessionId.data, note.data.body));
			return { action: 'note', sessionId: sessionId.data };
		} catch (error) {
			const failure = asServiceFailure(error);
			return fail(failure.status, {
				action: 'note',
				sessionId: sessionId.data,
				code: failure.code as string
			});
		}
	}
};
