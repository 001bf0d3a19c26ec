import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { IsoDateSchema } from '$lib/core/schemas';
import {
	loadAvailabilityWorkspace,
	restoreWeeklyOn
} from '$lib/features/availability/coach-calendar.server';
import { withUser } from '$lib/server/db';
import { mapDatabaseError } from '$lib/server/http/db-errors';
import { pageUser } from '$lib/server/http/handler';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'coach');
	return { workspace: await withUser(user.claims, (tx) => loadAvailabilityWorkspace(tx, user.id)) };
};

const RestoreSchema = z.object({ date: IsoDateSchema });

export const actions: Actions = {
	/** Back to the weekly pattern on one date (saving goes through the API otherwise). */
	restoreDate: async (event) => {
		const user = pageUser(event, 'coach');
		const parsed = RestoreSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { code: 'VALIDATION_FAILED' });
		try {
			await withUser(user.claims, (tx) => restoreWeeklyOn(tx, user.id, parsed.data.date));
		} catch (error) {
			const mapped = mapDatabaseError(error);
			if (!mapped) throw error;
			return fail(mapped.status, { code: mapped.code });
		}
		return { restored: parsed.data.date };
	}
};
