import { error, fail } from '@sveltejs/kit';
import {
	allTimeZones,
	COMMON_TIME_ZONES,
	ContactPreferencesSchema,
	getCoachProfile,
	updateContactPreferences
} from '$lib/features/coaches/profile.server';
import { withUser } from '$lib/server/db';
import { fieldCodes } from '$lib/core/schemas';
import { pageUser } from '$lib/server/http/handler';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'coach');
	const profile = await withUser(user.claims, getCoachProfile);
	if (!profile) error(404, 'Not found');
	return { profile, commonZones: COMMON_TIME_ZONES, zones: allTimeZones() };
};

export const actions: Actions = {
	default: async (event) => {
		const user = pageUser(event, 'coach');
		const form = Object.fromEntries(await event.request.formData());
		const parsed = ContactPreferencesSchema.safeParse(form);
		if (!parsed.success) {
			return fail(400, { errors: fieldCodes(parsed.error), values: form });
		}
		const saved = await withUser(user.claims, (tx) => updateContactPreferences(tx, parsed.data));
		if (!saved) error(404, 'Not found');
		return { saved: true };
	}
};
