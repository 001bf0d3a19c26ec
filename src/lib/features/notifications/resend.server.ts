/**
 * Staff resend a FAILED delivery: `public.resend_notification` (staff only) puts it back to
 * PENDING with a new round of attempts, then the engine is handed a job for that round. The
 * job is scheduled after the commit (the caller's transaction runs as the user, who may not
 * write the engine's tables); if the server dies in between, the sweep schedules it.
 */
import type { NotificationMethod } from '$lib/core/enums';
import type { Tx } from '$lib/server/db';
import type { Work } from './dispatch.server';

export interface ResentDelivery {
	id: string;
	status: 'PENDING';
	method: NotificationMethod;
	/** The resend round (1 for the first resend). */
	resends: number;
	nextAttemptAt: Date;
}

export async function resendDelivery(tx: Tx, id: string): Promise<ResentDelivery> {
	const [row] = await tx<
		{ result: Omit<ResentDelivery, 'nextAttemptAt'> & { nextAttemptAt: string } }[]
	>`
		select public.resend_notification(${id}::uuid) as result`;
	const result = row!.result;
	return { ...result, nextAttemptAt: new Date(result.nextAttemptAt) };
}

/** The engine's work for a resent delivery: its round's own job, due now. */
export const resendWork = (delivery: ResentDelivery): Work => ({
	deliveries: [{ id: delivery.id, startAfter: delivery.nextAttemptAt, resends: delivery.resends }],
	reminders: []
});
