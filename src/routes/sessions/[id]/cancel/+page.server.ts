import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { fieldCodes, optionalText } from '$lib/core/schemas';
import { changeStatus, refundPreview } from '$lib/features/sessions/lifecycle.server';
import { withUser } from '$lib/server/db';
import { asServiceFailure } from '$lib/server/http/service-failure';
import {
	sessionIdParam,
	sessionOr404,
	toFamilySession
} from '$lib/features/sessions/family-sessions.server';
import { orPageError, pageUser } from '$lib/server/http/handler';
import type { Actions, PageServerLoad } from './$types';

/** Before confirming, the family sees exactly what the refund policy gives back now. */
export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'student', 'parent');
	const id = await orPageError(() => sessionIdParam(event.params));
	const { policy } = await event.parent();
	return orPageError(() =>
		withUser(user.claims, async (tx) => {
			const session = await sessionOr404(tx, id);
			return { session: toFamilySession(session, policy), refund: await refundPreview(tx, id) };
		})
	);
};

const CancelSchema = z.object({
	reason: optionalText(1000, 'The reason', { multiline: true })
});

export const actions: Actions = {
	default: async (event) => {
		const user = pageUser(event, 'student', 'parent');
		const id = await orPageError(() => sessionIdParam(event.params));
		const form = CancelSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!form.success) {
			return fail(400, { code: 'VALIDATION_FAILED' as string, fields: fieldCodes(form.error) });
		}
		try {
			await withUser(user.claims, (tx) =>
				changeStatus(tx, id, { status: 'CANCELLED', notes: form.data.reason || undefined })
			);
		} catch (cause) {
			const failure = asServiceFailure(cause);
			return fail(failure.status, { code: failure.code as string });
		}
		redirect(303, `/sessions?cancelled=${id}`);
	}
};
