/**
 * Credit requests: a family asks (`public.request_credits`, its own students only), staff
 * grant or decline (`public.decide_credit_request`, which grants through `grant_credits` in
 * the same transaction). Reads are RLS-scoped: a family sees its own, staff every request.
 */
import type { CreditRequestStatus } from '$lib/core/enums';
import type { CreditRequestView } from '$lib/features/credits/types';
import type { DecideCreditRequestBody, RequestCreditsBody } from '$lib/features/credits/schemas';
import type { Tx } from '$lib/server/db/as-user';

export type { CreditRequestView };

const MAX_REQUESTS = 200;

/** Requests the caller may see, newest first (open ones oldest first: the queue's order). */
export async function listCreditRequests(
	tx: Tx,
	filter: { status?: CreditRequestStatus; studentId?: string; id?: string } = {}
): Promise<CreditRequestView[]> {
	const order = filter.status === 'OPEN' ? tx`r.created_at, r.id` : tx`r.created_at desc, r.id`;
	const id = filter.id ?? null;
	const status = filter.status ?? null;
	const studentId = filter.studentId ?? null;
	return tx<CreditRequestView[]>`
		select r.id, r.student_id as "studentId",
			coalesce(st.first_name || ' ' || st.last_name, '') as "studentName",
			r.requested_by as "requestedBy",
			coalesce(rq.first_name || ' ' || rq.last_name, '') as "requesterName",
			r.amount, r.message, r.status, r.granted_amount as "grantedAmount",
			r.decision_note as "decisionNote", r.created_at as "createdAt", r.decided_at as "decidedAt",
			coalesce(a.balance, 0) as balance
		from public.credit_requests r
		left join public.profiles st on st.id = r.student_id
		left join public.profiles rq on rq.id = r.requested_by
		left join public.credit_accounts a on a.student_id = r.student_id
		where (${id}::uuid is null or r.id = ${id}::uuid)
			and (${status}::public.credit_request_status is null
				or r.status = ${status}::public.credit_request_status)
			and (${studentId}::uuid is null or r.student_id = ${studentId}::uuid)
		order by ${order}
		limit ${MAX_REQUESTS}`;
}

/** The staff board's queue: every open request, oldest first. */
export const openCreditRequests = (tx: Tx) => listCreditRequests(tx, { status: 'OPEN' });

async function one(tx: Tx, id: string): Promise<CreditRequestView> {
	const [request] = await listCreditRequests(tx, { id });
	if (!request) throw new Error('The request just written is not visible');
	return request;
}

export async function requestCredits(tx: Tx, body: RequestCreditsBody): Promise<CreditRequestView> {
	const [row] = await tx<{ id: string }[]>`
		select (public.request_credits(
			p_student_id => ${body.studentId}::uuid,
			p_amount => ${body.amount}::int,
			p_message => ${body.message ?? null}::text
		) #>> '{request,id}') as id`;
	return one(tx, row!.id);
}

export async function decideCreditRequest(
	tx: Tx,
	id: string,
	body: DecideCreditRequestBody
): Promise<{ request: CreditRequestView; balance: number }> {
	const [row] = await tx<{ balance: number }[]>`
		select (public.decide_credit_request(
			p_request_id => ${id}::uuid,
			p_decision => ${body.decision},
			p_amount => ${body.amount ?? null}::int,
			p_note => ${body.note ?? null}::text
		) ->> 'balance')::int as balance`;
	return { request: await one(tx, id), balance: row!.balance };
}
