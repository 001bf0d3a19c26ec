/**
 * What the family's cancel and reschedule pages share: the session they act on (a 404 when it is
 * not the caller's), and an action that parses the form (with its optional reason), runs the
 * change as the caller and redirects, or answers the refusal's code.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { BookingPolicy } from '$lib/core/policy';
import { fieldCodes, optionalText } from '$lib/core/schemas';
import {
	sessionIdParam,
	sessionOr404,
	toFamilySession,
	type FamilySession
} from '$lib/features/sessions/family-sessions.server';
import { withUser, type Tx } from '$lib/server/db';
import { orPageError, pageUser } from '$lib/server/http/handler';
import { asServiceFailure } from '$lib/server/http/service-failure';

/** The reason a family may give for a change (cancel_session / reschedule notes). */
export const ReasonSchema = optionalText(1000, 'The reason', { multiline: true });

type PageEvent = RequestEvent<{ id: string }> & {
	parent: () => Promise<{ policy: BookingPolicy }>;
};

/** The page's session, shaped for the family, plus what `extra` reads in the same transaction. */
export async function loadSessionChange<T extends object>(
	event: PageEvent,
	extra: (tx: Tx, session: FamilySession) => Promise<T>
): Promise<T & { session: FamilySession }> {
	const user = pageUser(event, 'student', 'parent');
	const id = await orPageError(() => sessionIdParam(event.params));
	const { policy } = await event.parent();
	return orPageError(() =>
		withUser(user.claims, async (tx) => {
			const session = toFamilySession(await sessionOr404(tx, id), policy);
			return { ...(await extra(tx, session)), session };
		})
	);
}

/** The form action: `change` runs as the caller; then to `/sessions?<done>=<id>`. */
export async function submitSessionChange<S extends z.ZodObject>(
	event: RequestEvent<{ id: string }>,
	schema: S,
	change: (tx: Tx, id: string, form: z.infer<S>) => Promise<unknown>,
	done: 'cancelled' | 'moved'
) {
	const user = pageUser(event, 'student', 'parent');
	const id = await orPageError(() => sessionIdParam(event.params));
	const form = schema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!form.success) {
		return fail(400, { code: 'VALIDATION_FAILED' as string, fields: fieldCodes(form.error) });
	}
	try {
		await withUser(user.claims, (tx) => change(tx, id, form.data));
	} catch (cause) {
		const failure = asServiceFailure(cause);
		return fail(failure.status, { code: failure.code as string });
	}
	redirect(303, `/sessions?${done}=${id}`);
}
