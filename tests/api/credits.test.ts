import { describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { fileSql } from '../support/db';
import { DEMO, DEMO_EMAILS } from '../support/demo';
import { signedInCoach, signedInFamily } from '../support/fixture-accounts';

const sql = fileSql(4);

const grant = (options: { as?: string; token?: string }, body: unknown) =>
	call('POST', '/api/credits/grant', { ...options, body });

describe('POST /api/credits/grant', () => {
	it('lets an assistant grant credits: 201, the new balance and the ledger entry', async () => {
		const family = await signedInFamily(sql, { credits: 2 });
		const studentId = family.students[0]!.id;
		const res = await grant(
			{ as: DEMO_EMAILS.assistant },
			{ studentId, amount: 10, reason: 'Pack 10 séances' }
		);
		expect(res.status).toBe(201);
		expect(res.body).toEqual({ balance: 12, transactionId: expect.any(Number) });
		const [entry] = await sql`
			select kind, amount, balance_after, reason from public.credit_transactions
			where id = ${res.body.transactionId}`;
		expect(entry).toMatchObject({ kind: 'GRANT', amount: 10, balance_after: 12 });
	});

	it('forbids families and coaches (403, nothing granted)', async () => {
		const family = await signedInFamily(sql, { credits: 1 });
		const coach = await signedInCoach(sql);
		const studentId = family.students[0]!.id;
		const body = { studentId, amount: 5, reason: 'Self-service' };
		for (const token of [family.parent.token, family.students[0]!.token, coach.token]) {
			expect((await grant({ token }, body)).status).toBe(403);
		}
		const [row] =
			await sql`select balance from public.credit_accounts where student_id = ${studentId}`;
		expect(row!.balance).toBe(1);
	});

	it('answers 400 for a bad amount or missing reason, 404 for an unknown student', async () => {
		const family = await signedInFamily(sql);
		const studentId = family.students[0]!.id;
		for (const body of [
			{ studentId, amount: 0, reason: 'Pack test' },
			{ studentId, amount: 2.5, reason: 'Pack test' },
			{ studentId, amount: 1001, reason: 'Pack test' },
			{ studentId, amount: 3, reason: '  ' },
			{ studentId, amount: 3, reason: 'ab' },
			{ studentId: 'me', amount: 3, reason: 'Pack test' }
		]) {
			expect((await grant({ as: DEMO_EMAILS.admin }, body)).status).toBe(400);
		}
		const unknown = await grant(
			{ as: DEMO_EMAILS.admin },
			{ studentId: '00000000-0000-4000-8000-0000000000fe', amount: 3, reason: 'Pack test' }
		);
		expect(unknown.status).toBe(404);
	});

	it('answers 401 without a token and with a garbage token', async () => {
		const body = { studentId: DEMO.hugo, amount: 100, reason: 'free' };
		expect((await grant({}, body)).status).toBe(401);
		expect((await grant({ token: 'garbage' }, body)).status).toBe(401);
	});
});

describe('GET /api/credits', () => {
	it('shows a parent the balances and ledger of their own children only', async () => {
		const family = await signedInFamily(sql, { children: 2, credits: 3 });
		const res = await call('GET', '/api/credits', { token: family.parent.token });
		expect(res.status).toBe(200);
		expect(res.body.balances.map((b: any) => b.studentId).sort()).toEqual(
			family.students.map((s) => s.id).sort()
		);
		expect(res.body.balances[0]).toMatchObject({ balance: 3, lastName: 'Fixture' });
		expect(res.body.transactions).toHaveLength(2);
		expect(res.body.transactions[0]).toMatchObject({ kind: 'GRANT', amount: 3, balanceAfter: 3 });

		const one = family.students[1]!.id;
		const filtered = await call('GET', `/api/credits?studentId=${one}`, {
			token: family.parent.token
		});
		expect(filtered.body.balances.map((b: any) => b.studentId)).toEqual([one]);
	});

	it('shows staff any student', async () => {
		const res = await call('GET', `/api/credits?studentId=${DEMO.lucas}`, {
			as: DEMO_EMAILS.assistant
		});
		expect(res.body.balances).toEqual([
			expect.objectContaining({ studentId: DEMO.lucas, firstName: 'Lucas' })
		]);
		expect(res.body.transactions.length).toBeGreaterThan(0);
	});

	it('answers 400 for a malformed studentId, 401 without a valid token', async () => {
		expect(
			(await call('GET', '/api/credits?studentId=lucas', { as: DEMO_EMAILS.hugo })).status
		).toBe(400);
		expect((await call('GET', '/api/credits')).status).toBe(401);
		expect((await call('GET', '/api/credits', { token: 'garbage' })).status).toBe(401);
	});
});
