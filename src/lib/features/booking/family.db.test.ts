import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWizardParams } from './wizard';
import { actAs, fileSql, failure, makeCoach, makeFamily } from '../../../../tests/support/db';
import type { AppUser } from '$lib/server/auth/types';
import { loadFamilyScope } from '$lib/features/people/active-child.server';
import { bookFromWizard } from './submit.server';

const sql = fileSql();

// The functions under test run in the transaction actAs opens (with a live session);
// these claims are only the shape an AppUser carries.
const asUser = (id: string, role: AppUser['role']): AppUser => ({
	id,
	email: `${id}@fixture.test`,
	role,
	claims: { sub: id, role: 'authenticated', user_role: role, session_id: randomUUID() }
});

/** 15:00 UTC `daysAhead` days from now: inside a fixture coach’s 08:00–20:00 Paris day. */
function nextSlot(daysAhead = 9): string {
	const day = new Date(Date.now() + daysAhead * 86_400_000);
	day.setUTCHours(15, 0, 0, 0);
	return day.toISOString();
}

describe('the active child', () => {
	it('is validated against the parent’s own children on every read', async () => {
		const family = await makeFamily(sql, { children: 2, credits: 3 });
		const other = await makeFamily(sql, { children: 1 });
		const parent = asUser(family.parentId, 'parent');
		const scope = (remembered?: string, requested?: string) =>
			actAs(
				sql,
				family.parentId,
				'parent'
			)((tx) => loadFamilyScope(tx, parent, { remembered, requested }));

		expect((await scope(family.studentIds[1])).active?.id).toBe(family.studentIds[1]);
		// Another family's child (a forged cookie value) is ignored: the parent's first child instead.
		const forged = await scope(other.studentIds[0]);
		expect(family.studentIds).toContain(forged.active?.id);
		expect(forged.students.map((s) => s.id).sort()).toEqual([...family.studentIds].sort());
		expect((await scope(family.studentIds[0], family.studentIds[1])).active?.id).toBe(
			family.studentIds[1]
		);
		expect(forged.students.every((s) => s.balance === 3)).toBe(true);
	});

	it('is always the student themself for a student', async () => {
		const family = await makeFamily(sql, { children: 1, credits: 2 });
		const [studentId] = family.studentIds as [string];
		const scope = await actAs(
			sql,
			studentId,
			'student'
		)((tx) => loadFamilyScope(tx, asUser(studentId, 'student'), { remembered: randomUUID() }));
		expect(scope.active).toMatchObject({ id: studentId, balance: 2 });
	});
});

describe('booking from the wizard', () => {
	it('books the child shown, once per idempotency key, and debits the price', async () => {
		const coach = await makeCoach(sql);
		const family = await makeFamily(sql, { children: 2, credits: 5 });
		const child = family.studentIds[1]!;
		const parent = asUser(family.parentId, 'parent');
		const state = parseWizardParams(
			new URLSearchParams({
				subject: 'MATHEMATIQUES',
				coach,
				slot: nextSlot(),
				duration: '90',
				student: child,
				title: 'Suites',
				step: 'confirm'
			})
		);
		const key = randomUUID();
		const book = () =>
			actAs(sql, family.parentId, 'parent')((tx) => bookFromWizard(tx, parent, null, state, key));

		const first = await book();
		expect(first.studentId).toBe(child);
		expect(await book()).toEqual(first);
		const [account] = await sql<{ balance: number }[]>`
			select balance from public.credit_accounts where student_id = ${child}`;
		expect(account!.balance).toBe(3);
		const sessions = await sql`select id from public.session_bookings where student_id = ${child}`;
		expect(sessions).toHaveLength(1);
	});

	it('refuses a child that is not the parent’s instead of booking another one', async () => {
		const coach = await makeCoach(sql);
		const family = await makeFamily(sql, { children: 1, credits: 5 });
		const stranger = await makeFamily(sql, { children: 1, credits: 5 });
		const state = parseWizardParams(
			new URLSearchParams({
				subject: 'MATHEMATIQUES',
				coach,
				slot: nextSlot(10),
				student: stranger.studentIds[0]!,
				title: 'Suites',
				step: 'confirm'
			})
		);
		const error = await failure(
			actAs(
				sql,
				family.parentId,
				'parent'
			)((tx) => bookFromWizard(tx, asUser(family.parentId, 'parent'), null, state, randomUUID()))
		);
		expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
		const count = await sql`select 1 from public.session_bookings where coach_id = ${coach}`;
		expect(count).toHaveLength(0);
	});
});
