import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { StaffNoteSchema } from '$lib/features/board/schemas';
import { resendFailedDelivery } from '$lib/features/notifications/index.server';
import { ReassignSchema, StaffRescheduleSchema } from '$lib/features/sessions/schemas';
import { reassignSession, staffReschedule } from '$lib/features/sessions/staff-tools.server';
import { fieldCodes } from '$lib/core/schemas';
import { addStaffNote, loadSessionRecord } from '$lib/features/board/session-manager.server';
import { withUser } from '$lib/server/db';
import { ApiError } from '$lib/server/http/errors';
import { orPageError, pageUser } from '$lib/server/http/handler';
import { asServiceFailure } from '$lib/server/http/service-failure';
import type { Actions, PageServerLoad } from './$types';

const Params = z.object({ id: z.uuid() });

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'assistant', 'admin');
	event.depends('app:board');
	const params = Params.safeParse(event.params);
	return orPageError(() => {
		if (!params.success) throw new ApiError(404, 'NOT_FOUND', 'No such session');
		return withUser(user.claims, (tx) => loadSessionRecord(tx, params.data.id));
	});
};

/** Run one staff tool as the caller; its refusal becomes the form's `{ action, code }`. */
async function tool(action: string, work: () => Promise<unknown>) {
	try {
		await work();
		return { action, done: true };
	} catch (error) {
		const failure = asServiceFailure(error);
		return fail(failure.status, { action, code: failure.code as string });
	}
}

const formOf = async (event: { request: Request }) =>
	Object.fromEntries(await event.request.formData());

export const actions: Actions = {
	/** A FAILED delivery back to PENDING, sent again at once by the engine. */
	resend: async (event) => {
		const user = pageUser(event, 'assistant', 'admin');
		const delivery = z.uuid().safeParse((await formOf(event)).deliveryId);
		if (!delivery.success) return fail(400, { action: 'resend', code: 'VALIDATION_FAILED' });
		return tool('resend', () => resendFailedDelivery(user.claims, delivery.data));
	},
	/** Hand the session to another qualified, free coach. */
	reassign: async (event) => {
		const user = pageUser(event, 'assistant', 'admin');
		const { id } = Params.parse(event.params);
		const body = ReassignSchema.safeParse(await formOf(event));
		if (!body.success)
			return fail(400, {
				action: 'reassign',
				code: 'VALIDATION_FAILED',
				fields: fieldCodes(body.error)
			});
		return tool('reassign', () =>
			withUser(user.claims, (tx) => reassignSession(tx, id, body.data))
		);
	},
	/** Move the session on behalf of the family (the coach's wall clock, as at booking). */
	reschedule: async (event) => {
		const user = pageUser(event, 'assistant', 'admin');
		const { id } = Params.parse(event.params);
		const body = StaffRescheduleSchema.safeParse(await formOf(event));
		if (!body.success)
			return fail(400, {
				action: 'reschedule',
				code: 'VALIDATION_FAILED',
				fields: fieldCodes(body.error)
			});
		return tool('reschedule', () =>
			withUser(user.claims, (tx) => staffReschedule(tx, id, body.data))
		);
	},
	note: async (event) => {
		const user = pageUser(event, 'assistant', 'admin');
		const { id } = Params.parse(event.params);
		const note = StaffNoteSchema.safeParse(await formOf(event));
		if (!note.success) return fail(400, { action: 'note', code: 'VALIDATION_FAILED' });
		return tool('note', () => withUser(user.claims, (tx) => addStaffNote(tx, id, note.data.body)));
	}
};
