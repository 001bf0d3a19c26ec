import { listTransactions, type CreditTransactionView } from './credits.server';
import type { Tx } from '$lib/server/db';

export interface LedgerLine extends CreditTransactionView {
	/** The session a debit or refund was for (null for grants, or a hidden session). */
	sessionTitle: string | null;
}

/** One student's credit history, latest first, each line naming its session. */
export async function studentLedger(tx: Tx, studentId: string): Promise<LedgerLine[]> {
	const lines = await listTransactions(tx, studentId);
	const ids = [...new Set(lines.flatMap((t) => (t.sessionId ? [t.sessionId] : [])))];
	const rows = ids.length
		? await tx<{ id: string; title: string }[]>`
				select id, title from public.session_bookings where id in ${tx(ids)}`
		: [];
	const titles = new Map(rows.map((r) => [r.id, r.title]));
	return lines.map((t) => ({
		...t,
		sessionTitle: t.sessionId ? (titles.get(t.sessionId) ?? null) : null
	}));
}
