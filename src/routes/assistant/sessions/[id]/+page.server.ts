import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { StaffNoteSchema } from '$lib/features/board/schemas';
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

export const actions: Actions = {
	note: async (event) => {
		const user = pageUser(event, 'assistant', 'admin');
		const { id } = Params.parse(event.params);
		const note = StaffNoteSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!note.success) return fail(400, { code: 'VALIDATION_FAILED' });
		try {
			await withUser(user.claims, (tx) => addStaffNote(tx, id, note.data.body));
			return { noted: true };
		} catch (error) {
			const failure = asServiceFailure(error);
			return fail(failure.status, { code: failure.code as string });
		}
	}
};
