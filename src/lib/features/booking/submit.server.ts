import { seatPrice } from './pricing';
import { BookSessionSchema } from '$lib/features/booking/schemas';
import { wallSlotOf } from '$lib/core/time/wall-slot';
import { DetailsSchema, type WizardParams } from './wizard';
import type { AppUser } from '$lib/server/auth/types';
import { bookSession } from './book.server';
import { coachTimeZone } from '$lib/features/people/zones.server';
import type { Tx } from '$lib/server/db';
import { ApiError } from '$lib/server/http/errors';
import { loadFamilyScope } from '$lib/features/people/active-child.server';
import { recordUsageEvent } from '$lib/features/people/usage-events.server';

const invalid = () => new ApiError(400, 'VALIDATION_FAILED', 'The booking is incomplete');

/**
 * Book what the wizard's URL describes, in the caller's transaction; returns
 * the session and the student it is for. There is deliberately no "is it still free?" pre-check: a
 * replayed submit must reach the RPC to be recognised by its idempotency key,
 * and only the RPC (and its exclusion constraints) can decide a race.
 */
export async function bookFromWizard(
	tx: Tx,
	user: AppUser,
	rememberedChild: string | null,
	state: WizardParams,
	idempotencyKey: string
): Promise<{ sessionId: string; studentId: string }> {
	const scope = await loadFamilyScope(tx, user, {
		requested: state.student,
		remembered: rememberedChild
	});
	const details = DetailsSchema.safeParse({ ...state, student: scope.active?.id });
	const { coach: coachId, subject, slot, duration } = state;
	if (!details.success || !coachId || !subject || !slot) throw invalid();
	// A parent books exactly the child the confirm step showed, never a fallback.
	if (user.role === 'parent' && details.data.student !== state.student) throw invalid();

	const wall = wallSlotOf(new Date(slot), duration, await coachTimeZone(tx, coachId));
	if (!wall) throw new ApiError(422, 'OUTSIDE_AVAILABILITY', 'The slot crosses midnight');
	const body = BookSessionSchema.parse({
		coachId,
		studentId: details.data.student,
		subject,
		scheduledDate: wall.date,
		startTime: wall.startTime,
		endTime: wall.endTime,
		duration,
		title: details.data.title,
		description: details.data.description,
		type: details.data.type,
		modality: details.data.modality,
		// Only free slots are offered: a group booked here opens a new group (its first seat).
		creditsToUse: seatPrice(details.data.type, duration),
		idempotencyKey
	});
	const result = await bookSession(tx, body);
	// The funnel's last step, in the booking's own transaction (a replayed submit is not a
	// second booking); in a savepoint, so that analytics can never undo a booking.
	if (!result.replayed) {
		await tx
			.savepoint((sp) => recordUsageEvent(sp, 'BOOKED', { subject, coachId }))
			.catch((error: unknown) => console.error('[usage] BOOKED not recorded', error));
	}
	return { sessionId: result.session.id, studentId: body.studentId };
}
