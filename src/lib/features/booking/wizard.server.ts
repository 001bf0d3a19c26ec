/**
 * What the family booking pages read, composed from the booking core's
 * services, all as the signed-in user: coaches' busy times and ratings come
 * from SECURITY DEFINER functions that return only bare time ranges and
 * aggregates (public.coach_busy_intervals, public.coach_rating_summaries).
 */
import type { SubjectOption } from './wizard';
import { dateInZone } from '$lib/core/time/instants';
import type { OfferedSlot } from '$lib/features/availability/offered-slots';
import type { WizardParams } from './wizard';
import { getAvailability } from '$lib/features/availability/service.server';
import { listCoachesForSubject, type CoachCard } from '$lib/features/coaches/directory.server';
import type { AppUser } from '$lib/server/auth/types';
import type { Tx } from '$lib/server/db';
import { loadFamilyScope } from '$lib/features/people/active-child.server';
import { readBookingPolicy } from '$lib/server/db/policy';
import { pageHolding, slotPageOf, type SlotPage } from './slot-pages';

export type { SubjectOption } from './wizard';

export function listSubjects(tx: Tx): Promise<SubjectOption[]> {
	return tx<SubjectOption[]>`
		select s.code, s.name_fr as "nameFr", s.name_en as "nameEn",
		       exists (select 1 from public.coach_subjects cs where cs.subject_code = s.code) as taught
		from public.subjects s order by s.sort_order, s.code`;
}

/** The parents a student can turn to (for "who to contact" when credits run out). */
export async function listMyParentNames(tx: Tx): Promise<string[]> {
	const rows = await tx<{ name: string }[]>`
		select p.first_name || ' ' || p.last_name as name
		from public.parent_students ps join public.profiles p on p.id = ps.parent_id
		where ps.student_id = (select auth.uid())
		order by p.first_name`;
	return rows.map((r) => r.name);
}

/** Coaches qualified for `subject`, with rating and next free hour. */
export function coachesFor(tx: Tx, subject: string, now = new Date()): Promise<CoachCard[]> {
	return listCoachesForSubject(tx, subject, now);
}

/**
 * A coach's free slots of `durationMinutes` on one page of the booking horizon (`page` 0 starts
 * today, days in the coach's zone; see slot-pages.ts), instants as ISO strings for the browser.
 */
export async function freeSlotPage(
	tx: Tx,
	coachId: string,
	durationMinutes: number,
	/** A page number, or the chosen slot's start: the page that holds it. */
	page: number | { holding: string } = 0,
	now = new Date()
): Promise<{ slots: OfferedSlot[]; page: SlotPage }> {
	const [coach] = await tx<{ timeZone: string }[]>`
		select time_zone as "timeZone" from public.profiles where id = ${coachId} and role = 'coach'`;
	const { horizonDays } = await readBookingPolicy(tx);
	const zone = coach?.timeZone ?? 'Europe/Paris';
	const today = dateInZone(now, zone);
	const index =
		typeof page === 'number' ? page : pageHolding(today, dateInZone(new Date(page.holding), zone));
	const window = slotPageOf(today, horizonDays, index);
	if (!coach) return { slots: [], page: window };
	const view = await getAvailability(
		tx,
		{ coachId, startDate: window.startDate, endDate: window.endDate, durationMinutes },
		now
	);
	const slots = view.slots.map((s) => ({
		date: s.date,
		startTime: s.startTime,
		endTime: s.endTime,
		startsAt: s.startsAt.toISOString(),
		endsAt: s.endsAt.toISOString()
	}));
	return { slots, page: window };
}

/** The first page of a coach's free slots (from today). */
export async function freeSlots(
	tx: Tx,
	coachId: string,
	durationMinutes: number,
	now = new Date()
): Promise<OfferedSlot[]> {
	return (await freeSlotPage(tx, coachId, durationMinutes, 0, now)).slots;
}

/** The free slot starting at `startsAt` (any ISO spelling of the same instant), if any. */
export function findSlot(slots: readonly OfferedSlot[], startsAt: string | undefined) {
	if (!startsAt) return undefined;
	const at = Date.parse(startsAt);
	return slots.find((s) => Date.parse(s.startsAt) === at);
}

/**
 * Everything the wizard's steps read, in one transaction: who is booked for,
 * the subjects, the qualified coaches (only once a subject is chosen) and the
 * chosen coach's free slots (only once a coach is chosen). Unknown or
 * unqualified answers simply come back as null. `rememberedChild` is the parent's last choice
 * of child (a plain id the route read from its cookie), checked like any other.
 */
export async function loadWizard(
	tx: Tx,
	user: AppUser,
	rememberedChild: string | null,
	state: WizardParams
) {
	const subjects = await listSubjects(tx);
	const subject = subjects.find((s) => s.code === state.subject) ?? null;
	const coaches = subject ? await coachesFor(tx, subject.code) : [];
	const coach = coaches.find((c) => c.id === state.coach) ?? null;
	return {
		scope: await loadFamilyScope(tx, user, {
			requested: state.student,
			remembered: rememberedChild
		}),
		parents: user.role === 'student' ? await listMyParentNames(tx) : [],
		subjects,
		subject,
		coaches,
		coach,
		...(coach
			? // Once a slot is chosen, its own page (whatever the URL's page says).
				await freeSlotPage(
					tx,
					coach.id,
					state.duration,
					state.slot ? { holding: state.slot } : state.page
				)
			: { slots: [], page: null })
	};
}
