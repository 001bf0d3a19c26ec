import { fail } from '@sveltejs/kit';
import { fieldCodes } from '$lib/core/schemas';
import { grantCredits, listFamilyBalances } from '$lib/features/credits/credits.server';
import { decideCreditRequest, openCreditRequests } from '$lib/features/credits/requests.server';
import {
	CreditRequestIdSchema,
	DecideCreditRequestSchema,
	GrantCreditsFormSchema
} from '$lib/features/credits/schemas';
import { withUser } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import { asServiceFailure } from '$lib/server/http/service-failure';
import type { Actions, PageServerLoad } from './$types';

/** Every student's balance and the open credit requests (staff only). */
export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'assistant', 'admin');
	return withUser(user.claims, async (tx) => ({
		balances: await listFamilyBalances(tx),
		requests: await openCreditRequests(tx)
	}));
};

const blank = (value: FormDataEntryValue | undefined) =>
	typeof value === 'string' && value.trim() ? value : undefined;

export const actions: Actions = {
	/** Grant credits with a reason (`public.grant_credits`). */
	grant: async (event) => {
		const user = pageUser(event, 'assistant', 'admin');
		const form = Object.fromEntries(await event.request.formData());
		const parsed = GrantCreditsFormSchema.safeParse(form);
		if (!parsed.success) {
			return fail(400, { form: 'grant' as const, fields: fieldCodes(parsed.error), values: form });
		}
		try {
			const result = await withUser(user.claims, (tx) => grantCredits(tx, parsed.data));
			return {
				granted: { studentId: parsed.data.studentId, count: parsed.data.amount, ...result }
			};
		} catch (cause) {
			const failure = asServiceFailure(cause);
			return fail(failure.status, {
				form: 'grant' as const,
				code: failure.code as string,
				values: form
			});
		}
	},
	/** Grant or decline one open request (`public.decide_credit_request`). */
	decide: async (event) => {
		const user = pageUser(event, 'assistant', 'admin');
		const form = Object.fromEntries(await event.request.formData());
		const requestId = typeof form.requestId === 'string' ? form.requestId : '';
		const id = CreditRequestIdSchema.safeParse({ id: requestId });
		const parsed = DecideCreditRequestSchema.safeParse({
			decision: form.decision,
			amount: form.decision === 'GRANT' ? blank(form.amount) : undefined,
			note: blank(form.note)
		});
		if (!id.success || !parsed.success) {
			return fail(400, {
				form: 'decide' as const,
				requestId,
				code: 'VALIDATION_FAILED' as string,
				fields: parsed.success ? {} : fieldCodes(parsed.error)
			});
		}
		try {
			const { request, balance } = await withUser(user.claims, (tx) =>
				decideCreditRequest(tx, id.data.id, parsed.data)
			);
			return { decided: { status: request.status, student: request.studentName, balance } };
		} catch (cause) {
			const failure = asServiceFailure(cause);
			return fail(failure.status, {
				form: 'decide' as const,
				requestId,
				code: failure.code as string
			});
		}
	}
};
