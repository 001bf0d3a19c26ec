/** What the credits screens show, as plain values (no database rows). */
import type { CreditRequestStatus } from '$lib/core/enums';

export interface CreditRequestView {
	id: string;
	studentId: string;
	studentName: string;
	requestedBy: string;
	requesterName: string;
	amount: number;
	message: string | null;
	status: CreditRequestStatus;
	grantedAmount: number | null;
	decisionNote: string | null;
	createdAt: Date;
	decidedAt: Date | null;
	/** The student's balance now (what staff weigh the request against). */
	balance: number;
}

/** A student's balance with the parents who answer for them (the staff's credits screen). */
export interface FamilyBalance {
	studentId: string;
	studentName: string;
	parents: string;
	balance: number;
}
