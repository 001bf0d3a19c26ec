import { fail } from '@sveltejs/kit';
import { readPreferences, savePreferences } from '$lib/features/notifications/preferences.server';
import { countMyDevices } from '$lib/features/notifications/push-subscriptions.server';
import { TUNABLE_METHODS, TUNABLE_TYPES } from '$lib/features/notifications/routing';
import { PreferencesSchema } from '$lib/features/notifications/schemas';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event);
	return withUser(user.claims, async (tx) => ({
		preferences: await readPreferences(tx),
		pushDevices: await countMyDevices(tx)
	}));
};

export const actions: Actions = {
	default: async (event) => {
		const user = pageUser(event);
		const form = await event.request.formData();
		const choices: Record<string, boolean> = {};
		for (const type of TUNABLE_TYPES)
			for (const method of TUNABLE_METHODS)
				choices[`${type}:${method}`] = form.get(`${type}:${method}`) === 'on';
		const blank = (v: FormDataEntryValue | null) =>
			typeof v === 'string' && v.trim() ? v.trim() : null;
		const parsed = PreferencesSchema.safeParse({
			choices,
			quietHours: { start: blank(form.get('quietStart')), end: blank(form.get('quietEnd')) }
		});
		if (!parsed.success) return fail(400, { error: 'notifications.prefs.quietInvalid' as const });
		await withUser(user.claims, (tx) => savePreferences(tx, parsed.data));
		return { saved: true };
	}
};
