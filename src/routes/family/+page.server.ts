import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { safeRedirect } from '$lib/core/redirects';
import { ChildAccountSchema } from '$lib/features/people/schemas';
import { identity } from '$lib/server/auth';
import { submitAccountForm } from '$lib/server/auth/account-form';
import { withUser } from '$lib/server/db';
import { loadFamilyScope, pickActive } from '$lib/features/people/active-child.server';
import { rememberActiveChild, rememberedChild } from '$lib/server/http/active-child-cookie';
import { pageUser } from '$lib/server/http/handler';
import { listMyChildren } from '$lib/features/people/profiles.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'parent');
	const children = await withUser(user.claims, listMyChildren);
	return {
		children,
		activeId: pickActive(children, rememberedChild(event.cookies))?.id ?? null
	};
};

const SwitchSchema = z.object({ child: z.uuid(), redirectTo: z.string().optional() });

export const actions: Actions = {
	/** Make one of the parent's own children the default for the family pages. */
	switch: async (event) => {
		const parent = pageUser(event, 'parent');
		const parsed = SwitchSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { switchError: true });
		const scope = await withUser(parent.claims, (tx) =>
			loadFamilyScope(tx, parent, { requested: parsed.data.child })
		);
		const child = scope.active;
		if (!child || child.id !== parsed.data.child) return fail(404, { switchError: true });
		rememberActiveChild(event, child.id);
		if (parsed.data.redirectTo) redirect(303, safeRedirect(parsed.data.redirectTo));
		return { switched: child.firstName };
	},

	addChild: async (event) => {
		const parent = pageUser(event, 'parent');
		const form = Object.fromEntries(await event.request.formData());
		const provider = await identity();
		const result = await submitAccountForm(
			event,
			ChildAccountSchema,
			form,
			['email', 'firstName', 'lastName'],
			(data) => provider.createChildAccount(parent, data)
		);
		if (!result.ok) return result.failure;
		return { added: result.data.firstName };
	}
};
