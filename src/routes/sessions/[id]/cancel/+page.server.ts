import { z } from 'zod';
import { changeStatus, refundPreview } from '$lib/features/sessions/lifecycle.server';
import { loadSessionChange, ReasonSchema, submitSessionChange } from '../session-change.server';
import type { Actions, PageServerLoad } from './$types';

/** Before confirming, the family sees exactly what the refund policy gives back now. */
export const load: PageServerLoad = (event) =>
	loadSessionChange(event, async (tx, session) => ({
		refund: await refundPreview(tx, session.id)
	}));

const CancelSchema = z.object({ reason: ReasonSchema });

export const actions: Actions = {
	default: (event) =>
		submitSessionChange(
			event,
			CancelSchema,
			(tx, id, form) =>
				changeStatus(tx, id, { status: 'CANCELLED', notes: form.reason || undefined }),
			'cancelled'
		)
};
