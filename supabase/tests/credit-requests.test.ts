import { describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import { actAs, failure, fileSql, makeCoach, makeFamily } from '../../tests/support/db';
import { DEMO } from '../../tests/support/demo';
import { balanceOf, dispatchOutbox, nbCode } from './support/booking';

/**
 * A family asks for credits, staff grant or decline: the request's lifecycle (OPEN → GRANTED or
 * DECLINED, once), who may ask, read and decide, as each role in SQL.
 */
const sql = fileSql();

interface RequestRow {
	id: string;
	student_id: string;
	requested_by: string;
	amount: number;
	status: 'OPEN' | 'GRANTED' | 'DECLINED';
	granted_amount: number | null;
	transaction_id: number | null;
	decided_by: string | null;
	decision_note: string | null;
}

async function as<T>(userId: string, run: (tx: Sql) => Promise<{ result: T }[]>): Promise<T> {
	const [row] = await actAs(sql, userId)((tx) => run(tx as unknown as Sql));
	return row!.result;
}

const ask = (
	userId: string,
	studentId: string,
	amount = 5,
	message: string | null = 'Pour le bac'
) =>
	as<{ request: RequestRow }>(
		userId,
		(tx) =>
			tx`select public.request_credits(${studentId}::uuid, ${amount}::int, ${message}) as result`
	).then((r) => r.request);

const decide = (
	userId: string,
	requestId: string,
	decision: string,
	options: { amount?: number; note?: string } = {}
) =>
	as<{ request: RequestRow; balance: number }>(
		userId,
		(tx) => tx`select public.decide_credit_request(${requestId}::uuid, ${decision},
			${options.amount ?? null}::int, ${options.note ?? null}) as result`
	);

describe('asking for credits', () => {
	it('a parent asks for their child; only that family and staff see the request', async () => {
		const family = await makeFamily(sql);
		const stranger = await makeFamily(sql);
		const request = await ask(family.parentId, family.studentIds[0]!);
		expect(request).toMatchObject({ status: 'OPEN', amount: 5, requested_by: family.parentId });
		const seen = (userId: string) =>
			actAs(
				sql,
				userId
			)((tx) => tx`select id from public.credit_requests where id = ${request.id}`);
		expect(await seen(family.parentId)).toHaveLength(1);
		expect(await seen(family.studentIds[0]!)).toHaveLength(1);
		expect(await seen(DEMO.assistant)).toHaveLength(1);
		expect(await seen(stranger.parentId)).toHaveLength(0);
	});

	it('a student asks for themself; one open request per student', async () => {
		const family = await makeFamily(sql);
		const studentId = family.studentIds[0]!;
		await ask(studentId, studentId, 2, null);
		expect(await nbCode(ask(family.parentId, studentId))).toBe('NB_CONFLICT');
	});

	it('nobody asks for a student who is not theirs, a coach or staff not at all', async () => {
		const family = await makeFamily(sql);
		const stranger = await makeFamily(sql);
		const coachId = await makeCoach(sql);
		expect(await nbCode(ask(stranger.parentId, family.studentIds[0]!))).toBe('NB_NOT_FOUND');
		expect(await nbCode(ask(coachId, family.studentIds[0]!))).toBe('NB_FORBIDDEN');
		expect(await nbCode(ask(DEMO.assistant, family.studentIds[0]!))).toBe('NB_FORBIDDEN');
		expect(await nbCode(ask(family.parentId, family.studentIds[0]!, 0))).toBe('NB_VALIDATION');
		expect(await nbCode(ask(family.parentId, family.studentIds[0]!, 101))).toBe('NB_VALIDATION');
		// Around the RPC, the table's own policy says the same.
		const direct = await failure(
			actAs(
				sql,
				stranger.parentId
			)(
				(tx) => tx`insert into public.credit_requests (student_id, requested_by, amount)
					values (${family.studentIds[0]!}, ${stranger.parentId}, 3)`
			)
		);
		expect(direct.code).toBe('42501');
	});
});

describe('deciding a request', () => {
	it('staff grant it: the ledger gets the entry in the same transaction, once', async () => {
		const family = await makeFamily(sql, { credits: 1 });
		const studentId = family.studentIds[0]!;
		const request = await ask(family.parentId, studentId, 4);
		const { request: granted, balance } = await decide(DEMO.assistant, request.id, 'GRANT', {
			amount: 3,
			note: 'Geste commercial'
		});
		expect(granted).toMatchObject({
			status: 'GRANTED',
			granted_amount: 3,
			decided_by: DEMO.assistant,
			decision_note: 'Geste commercial'
		});
		expect(balance).toBe(4);
		expect(await balanceOf(sql, studentId)).toBe(4);
		const [entry] =
			await sql`select kind::text, amount, reason, created_by from public.credit_transactions
			where id = ${granted.transaction_id!}`;
		expect(entry).toEqual({
			kind: 'GRANT',
			amount: 3,
			reason: 'Geste commercial',
			created_by: DEMO.assistant
		});
		await dispatchOutbox(sql);
		const told = await sql`select type::text from public.session_notifications
			where recipient_id = ${studentId} and type = 'CREDITS_GRANTED'`;
		expect(told).toHaveLength(1);
		expect(await nbCode(decide(DEMO.assistant, request.id, 'GRANT'))).toBe('NB_INVALID_TRANSITION');
		expect(await balanceOf(sql, studentId)).toBe(4);
		// Decided, it no longer blocks a new request.
		expect((await ask(family.parentId, studentId)).status).toBe('OPEN');
	});

	it('staff decline it with a note, which the asker reads in the app', async () => {
		const family = await makeFamily(sql);
		const request = await ask(family.parentId, family.studentIds[0]!);
		expect(await nbCode(decide(DEMO.admin, request.id, 'DECLINE'))).toBe('NB_VALIDATION');
		const { request: declined } = await decide(DEMO.admin, request.id, 'DECLINE', {
			note: 'Merci de passer par la boutique'
		});
		expect(declined.status).toBe('DECLINED');
		expect(await balanceOf(sql, family.studentIds[0]!)).toBe(0);
		await dispatchOutbox(sql);
		const inbox = await actAs(
			sql,
			family.parentId
		)(
			(
				tx
			) => tx`select type::text, method::text, status::text, message from public.session_notifications
				where recipient_id = ${family.parentId}`
		);
		expect(inbox).toEqual([
			expect.objectContaining({
				type: 'CREDIT_REQUEST_DECLINED',
				method: 'IN_APP',
				status: 'SENT',
				message: expect.stringMatching(
					/^Votre demande de \d+ crédits? pour le compte d.+ a été refusée : Merci de passer par la boutique\n/
				)
			})
		]);
		// Only whoever asked: the student reads nothing of it.
		expect(
			await sql`select 1 from public.session_notifications
				where recipient_id = ${family.studentIds[0]!} and type = 'CREDIT_REQUEST_DECLINED'`
		).toHaveLength(0);
	});

	it('families and coaches cannot decide, nor change a request around the RPC', async () => {
		const family = await makeFamily(sql);
		const coachId = await makeCoach(sql);
		const request = await ask(family.parentId, family.studentIds[0]!);
		expect(await nbCode(decide(family.parentId, request.id, 'GRANT'))).toBe('NB_FORBIDDEN');
		expect(await nbCode(decide(coachId, request.id, 'GRANT'))).toBe('NB_FORBIDDEN');
		expect(await nbCode(decide(DEMO.assistant, request.id, 'MAYBE'))).toBe('NB_VALIDATION');
		for (const userId of [family.parentId, DEMO.assistant]) {
			const update = await failure(
				actAs(
					sql,
					userId
				)((tx) => tx`update public.credit_requests set status = 'GRANTED' where id = ${request.id}`)
			);
			expect(update.code).toBe('42501');
		}
		const [row] =
			await sql`select status::text from public.credit_requests where id = ${request.id}`;
		expect(row!.status).toBe('OPEN');
	});

	it('a grant above the limit changes nothing (no partial write)', async () => {
		const family = await makeFamily(sql);
		const request = await ask(family.parentId, family.studentIds[0]!);
		expect(await nbCode(decide(DEMO.assistant, request.id, 'GRANT', { amount: 5000 }))).toBe(
			'NB_VALIDATION'
		);
		const [row] =
			await sql`select status::text from public.credit_requests where id = ${request.id}`;
		expect(row!.status).toBe('OPEN');
		expect(await balanceOf(sql, family.studentIds[0]!)).toBe(0);
	});
});
