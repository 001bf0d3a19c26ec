/** A delivery that failed, as the staff's list of them shows it (plain values). */
import type { NotificationMethod, NotificationType } from '$lib/core/enums';

export interface FailedDelivery {
	id: string;
	sessionId: string | null;
	sessionTitle: string | null;
	recipientName: string;
	method: NotificationMethod;
	type: NotificationType;
	lastError: string | null;
	attempts: number;
	resends: number;
	createdAt: Date;
}
