/**
 * First-party usage events (`public.record_usage_event`): the booking funnel's steps for a
 * family, a bulk availability tool for a coach. The function decides who may record what,
 * keeps one event per 30 minutes and purges the expired ones; the team analytics read them.
 */
import type { Tx } from '$lib/server/db';

export const FUNNEL_VIEW_STEPS = ['WIZARD_STARTED', 'COACH_CHOSEN', 'SLOT_CHOSEN'] as const;
export type UsageEventKind = (typeof FUNNEL_VIEW_STEPS)[number] | 'BOOKED' | 'AVAILABILITY_BULK';

export async function recordUsageEvent(
	tx: Tx,
	kind: UsageEventKind,
	chosen: { subject?: string | null; coachId?: string | null } = {}
): Promise<void> {
	await tx`select public.record_usage_event(${kind}::public.usage_event_kind,
		${chosen.subject ?? null}::text, ${chosen.coachId ?? null}::uuid)`;
}
