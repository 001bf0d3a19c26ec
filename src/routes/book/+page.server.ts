import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { seatPrice } from '$lib/features/booking/pricing';
import { nearestSlots } from '$lib/features/availability/offered-slots';
import { currentStep, DetailsSchema, parseWizardParams } from '$lib/features/booking/wizard';
import { withUser } from '$lib/server/db';
import { rememberActiveChild, rememberedChild } from '$lib/server/http/active-child-cookie';
import { findSlot, loadWizard } from '$lib/features/booking/wizard.server';
import { asServiceFailure } from '$lib/server/http/service-failure';
import { bookFromWizard } from '$lib/features/booking/submit.server';
import { pageUser } from '$lib/server/http/handler';
import type { Actions, PageServerLoad } from './$types';

/** Each step's data, computed from the URL alone (so back, reload and links just work). */
export const load: PageServerLoad = async (event) => {
	const user = pageUser(event, 'student', 'parent');
	const state = parseWizardParams(event.url.searchParams);
	const { scope, parents, subjects, subject, coaches, coach, slots, page } = await withUser(
		user.claims,
		(tx) => loadWizard(tx, user, rememberedChild(event.cookies), state)
	);
	const slot = findSlot(slots, state.slot);
	const details = DetailsSchema.safeParse({ ...state, student: scope.active?.id });

	// Only a parent's choice of child travels in the URL; a student always books for themself.
	const student = scope.role === 'parent' ? scope.active?.id : undefined;
	const valid = {
		...state,
		subject: subject?.code,
		coach: coach?.id,
		student,
		page: page?.page ?? 0
	};
	const step = currentStep(valid, details.success);
	// The wizard offers free slots only, so a group booked here opens a new group: its first seat.
	const price = seatPrice(state.type, state.duration);
	return {
		state: valid,
		step,
		role: scope.role,
		students: scope.students,
		student: scope.active,
		parents,
		subjects,
		subject,
		coaches: step === 'coach' ? coaches : [],
		coach,
		slots: step === 'slot' ? slots : [],
		slotPage: page,
		slot: slot ?? null,
		/** The chosen slot is no longer free: offer the closest ones instead. */
		nearest: state.slot && !slot ? nearestSlots(slots, state.slot) : [],
		titleMissing: state.step === 'confirm' && !details.success,
		price,
		// Per render: a double submit of this page sends the same key, a new visit a new one.
		idempotencyKey: step === 'confirm' ? crypto.randomUUID() : null
	};
};

const SubmitSchema = z.object({ idempotencyKey: z.uuid() });

export const actions: Actions = {
	/** The final submit: the choice is in the URL; the booking RPC re-checks everything. */
	book: async (event) => {
		const user = pageUser(event, 'student', 'parent');
		const state = parseWizardParams(event.url.searchParams);
		const form = SubmitSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!form.success) return fail(400, { code: 'VALIDATION_FAILED' as const });
		let booked: { sessionId: string; studentId: string };
		try {
			booked = await withUser(user.claims, (tx) =>
				bookFromWizard(tx, user, rememberedChild(event.cookies), state, form.data.idempotencyKey)
			);
		} catch (error) {
			const failure = asServiceFailure(error);
			return fail(failure.status, { code: failure.code });
		}
		// A parent lands on the sessions of the child they just booked for.
		if (user.role === 'parent') rememberActiveChild(event, booked.studentId);
		redirect(303, `/sessions?booked=${booked.sessionId}`);
	}
};
