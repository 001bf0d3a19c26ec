import { describe, expect, it } from 'vitest';
import { actAs, fileSql, makeFamily } from '../../../../tests/support/db';
import { listTransactions } from './credits.server';

const sql = fileSql();

describe('the ledger', () => {
	it('reads in entry order, not by transaction start, so balances run in sequence', async () => {
		const { parentId, studentIds } = await makeFamily(sql, { credits: 4 });
		const studentId = studentIds[0]!;
		// Two entries as concurrent transactions leave them: the later entry (higher id, computed
		// under the account lock after the first) belongs to a transaction that STARTED earlier.
		await sql`insert into public.credit_transactions
				(student_id, kind, amount, balance_after, reason, created_at)
			values (${studentId}, 'DEBIT', -1, 3, 'first entry', now() - interval '1 second'),
				(${studentId}, 'DEBIT', -2, 1, 'second entry', now() - interval '2 seconds')`;
		const lines = await actAs(sql, parentId)((tx) => listTransactions(tx, studentId));
		expect(lines.map((l) => l.balanceAfter)).toEqual([1, 3, 4]);
		const oldestFirst = [...lines].reverse();
		oldestFirst.reduce((before, line) => {
			expect(line.balanceAfter).toBe(before + line.amount);
			return line.balanceAfter;
		}, 0);
	});
});
