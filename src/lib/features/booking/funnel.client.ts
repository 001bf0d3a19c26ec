/**
 * Tells the server which wizard step a family sees (`POST /api/usage/funnel`), for the team's
 * conversion funnel. From the shown page, not the load: SvelteKit prefetches a step's data on
 * hover, which is no visit. Fire and forget: analytics never get in the way of a booking.
 */
import type { WizardStep } from './wizard-links';

export type FunnelViewStep = 'WIZARD_STARTED' | 'COACH_CHOSEN' | 'SLOT_CHOSEN';

/** The funnel step a wizard step means once it shows (a chosen coach shows the slots…). */
export function funnelStepOf(step: WizardStep, slotChosen: boolean): FunnelViewStep | null {
	if (step === 'slot') return 'COACH_CHOSEN';
	if ((step === 'details' || step === 'confirm') && slotChosen) return 'SLOT_CHOSEN';
	return null;
}

export function reportFunnelStep(
	step: FunnelViewStep,
	chosen: { subject?: string; coachId?: string }
): void {
	void fetch('/api/usage/funnel', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ step, ...chosen }),
		keepalive: true
	}).catch(() => {});
}
