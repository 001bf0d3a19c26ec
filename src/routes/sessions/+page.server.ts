import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { fieldCodes, optionalText } from '$lib/core/schemas';
import { FeedbackSchema } from '$lib/features/sessions/schemas';
import { submitFeedback } from '$lib/features/sessions/lifecycle.server';
import { getSession } from '$lib/features/sessions/read-model.server';
import { withUser, type Tx } from '$lib/server/db';
import { loadFamilyScope } from '$lib/features/people/active-child.server';
import { withActiveChild } from '$lib/server/http/active-child-cookie';
import { asServiceFailure } from '$lib/server/http/service-failure';
import { listStudentSessions, refundedFor } from '$lib/features/sessions/family-sessions.server';
import { pageUser } from '$lib/server/http/handler';
import type { Actions, PageServerLoad } from './$types';

const NoticeSchema = z.object({
	booked: z.uuid().optional().catch(undefined),
	cancelled: z.uuid().optional().catch(undefined),
	moved: z.uuid().optional().catch(undefined)
});

/** The confirmation after a redirect (?booked= / ?cancelled= / ?moved=), read back from the data. */
async function noticeFor(tx: Tx, params: URLSearchParams) {
	const { booked, cancelled, moved } = NoticeSchema.parse(Object.fromEntries(params));
	const id = booked ?? cancelled ?? moved;
	const session = id ? await getSession(tx, id) : null;
	if (!session) return null;
	const kind = booked ? 'booked' : cancelled ? 'cancelled' : 'moved';
	return {
		kind,
		title: session.title,
		startsAt: session.startsAt,
		refund: kind === 'cancelled' ? await refundedFor(tx, session.id) : 0
	} as const;
}

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'student', 'parent');
	const { policy } = await event.parent();
	return withUser(user.claims, async (tx) => {
		// A notification's link names the child (?child=): that child's page opens.
		const scope = await withActiveChild(event, user.role, (choice) =>
			loadFamilyScope(tx, user, choice)
		);
		const sessions = scope.active
			? await listStudentSessions(tx, scope.active.id, policy)
			: { upcoming: [], past: [] };
		return {
			role: scope.role,
			students: scope.students,
			student: scope.active,
			...sessions,
			notice: await noticeFor(tx, event.url.searchParams),
			/** Shown as the copy's time when the service worker serves this page offline. */
			copiedAt: new Date().toISOString()
		};
	});
};

const RateFormSchema = z.object({
	sessionId: z.uuid(),
	rating: z.coerce.number().int().min(1).max(5),
	feedback: optionalText(4000, 'Feedback', { multiline: true })
});

export const actions: Actions = {
	/** Rate a completed session, once (rate_session refuses a second rating). */
	rate: async (event) => {
		const user = pageUser(event, 'student', 'parent');
		const form = Object.fromEntries(await event.request.formData());
		const sessionId = typeof form.sessionId === 'string' ? form.sessionId : '';
		const parsed = RateFormSchema.safeParse(form);
		if (!parsed.success) {
			const fields = fieldCodes(parsed.error);
			const code = fields.rating ? 'RATING_MISSING' : 'VALIDATION_FAILED';
			return fail(400, { sessionId, code: code as string, fields });
		}
		const { rating, feedback } = parsed.data;
		try {
			const body = FeedbackSchema.parse({ rating, feedback: feedback || undefined });
			await withUser(user.claims, (tx) => submitFeedback(tx, sessionId, body));
		} catch (error) {
			const failure = asServiceFailure(error);
			return fail(failure.status, { sessionId, code: failure.code as string });
		}
		return { rated: sessionId };
	}
};
