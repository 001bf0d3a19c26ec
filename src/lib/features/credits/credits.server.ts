/**
 * Credit balances and the ledger. Reads are RLS-scoped (a family sees its own students, staff
 * everyone); grants go through `public.grant_credits`, which checks the caller is staff.
 */
import type { GrantCreditsBody } from '$lib/features/credits/schemas';
import type { CreditEntryKind } from '$lib/core/enums';
import type { FamilyBalance } from '$lib/features/credits/types';
import type { Tx } from '$lib/server/db/as-user';

export interface BalanceView {
	studentId: string;
	firstName: string;
	lastName: string;
	balance: number;
}

export interface CreditTransactionView {
	id: number;
	studentId: string;
	kind: CreditEntryKind;
	amount: number;
	balanceAfter: number;
	sessionId: string | null;
	reason: string | null;
	createdAt: Date;
}

export interface GrantResult {
	balance: number;
	transactionId: number;
}

/** Bounds the answer for staff, who can see every student. */
const MAX_BALANCES = 500;
const MAX_TRANSACTIONS = 200;

export async function grantCredits(tx: Tx, body: GrantCreditsBody): Promise<GrantResult> {
	const [row] = await tx<{ result: { balance: number; transactionId: number | string } }[]>`
		select public.grant_credits(
			p_student_id => ${body.studentId}::uuid,
			p_amount => ${body.amount}::int,
			p_reason => ${body.reason}
		) as result`;
	const result = row!.result;
	return { balance: result.balance, transactionId: Number(result.transactionId) };
}

export async function listBalances(tx: Tx, studentId?: string): Promise<BalanceView[]> {
	const only = studentId ? tx`where a.student_id = ${studentId}` : tx``;
	return tx<BalanceView[]>`
		select a.student_id as "studentId", coalesce(p.first_name, '') as "firstName",
			coalesce(p.last_name, '') as "lastName", a.balance
		from public.credit_accounts a
		left join public.profiles p on p.id = a.student_id
		${only}
		order by p.last_name, p.first_name, a.student_id
		limit ${MAX_BALANCES}`;
}

export async function listTransactions(
	tx: Tx,
	studentId?: string
): Promise<CreditTransactionView[]> {
	const only = studentId ? tx`where t.student_id = ${studentId}` : tx``;
	const rows = await tx<(Omit<CreditTransactionView, 'id'> & { id: string })[]>`
		select t.id, t.student_id as "studentId", t.kind, t.amount, t.balance_after as "balanceAfter",
			t.session_id as "sessionId", t.reason, t.created_at as "createdAt"
		from public.credit_transactions t
		${only}
		order by t.id desc
		limit ${MAX_TRANSACTIONS}`;
	// bigint arrives as a string; ledger ids stay far below 2^53.
	return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

export async function creditsOverview(tx: Tx, studentId?: string) {
	return {
		balances: await listBalances(tx, studentId),
		transactions: await listTransactions(tx, studentId)
	};
}

/** Every student the caller may see with their parents' names and balance (staff: everyone). */
export async function listFamilyBalances(tx: Tx): Promise<FamilyBalance[]> {
	return tx<FamilyBalance[]>`
		select a.student_id as "studentId",
			coalesce(st.first_name || ' ' || st.last_name, '') as "studentName",
			coalesce((select string_agg(pa.first_name || ' ' || pa.last_name, ', '
					order by pa.last_name, pa.first_name)
				from public.parent_students ps join public.profiles pa on pa.id = ps.parent_id
				where ps.student_id = a.student_id), '') as parents,
			a.balance
		from public.credit_accounts a
		join public.profiles st on st.id = a.student_id
		order by st.last_name, st.first_name, a.student_id
		limit ${MAX_BALANCES}`;
}
