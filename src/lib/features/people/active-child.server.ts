import type { AppUser } from '$lib/server/auth/types';
import type { Tx } from '$lib/server/db';
import { listMyChildren, type ChildSummary } from './profiles.server';

/**
 * The parent's "active child": a default for /book, /sessions and /credits.
 * The route layer remembers only an id (an httpOnly cookie, `server/http/active-child-cookie.ts`)
 * and passes it here as a plain value; it is trusted for nothing — every read checks it against
 * the parent's own children (RLS-scoped), so a forged or stale id (child unlinked, other family)
 * silently falls back to the first child.
 */

export interface Student {
	id: string;
	firstName: string;
	lastName: string;
	balance: number;
}

/** Who the family pages act for: a student is always themself; a parent picks a child. */
export interface FamilyScope {
	role: 'student' | 'parent';
	/** Everyone the caller books for (a student: just themself). */
	students: Student[];
	/** The one shown and booked for by default; null only for a parent without children. */
	active: Student | null;
}

/** Pick the active child: an explicit choice, else the remembered one, else the first child. */
export function pickActive<T extends { id: string }>(
	children: readonly T[],
	...preferred: (string | null | undefined)[]
): T | null {
	for (const id of preferred) {
		const match = id ? children.find((c) => c.id === id) : undefined;
		if (match) return match;
	}
	return children[0] ?? null;
}

async function myBalance(tx: Tx): Promise<number> {
	const [row] = await tx<{ balance: number }[]>`
		select balance from public.credit_accounts where student_id = (select auth.uid())`;
	return row?.balance ?? 0;
}

async function myName(tx: Tx): Promise<{ firstName: string; lastName: string }> {
	const [row] = await tx<{ firstName: string; lastName: string }[]>`
		select first_name as "firstName", last_name as "lastName"
		from public.profiles where id = (select auth.uid())`;
	return row ?? { firstName: '', lastName: '' };
}

const toStudent = (c: ChildSummary): Student => ({
	id: c.id,
	firstName: c.firstName,
	lastName: c.lastName,
	balance: c.balance
});

/** Which child the caller asks for: `requested` (a `?child=` value) wins over `remembered`. */
export interface ChildChoice {
	requested?: string | null;
	/** The id the route layer remembered (the active-child cookie), if any. */
	remembered?: string | null;
}

/** Resolve the family scope inside the caller's transaction. */
export async function loadFamilyScope(
	tx: Tx,
	user: AppUser,
	choice: ChildChoice = {}
): Promise<FamilyScope> {
	if (user.role === 'student') {
		const me: Student = { id: user.id, ...(await myName(tx)), balance: await myBalance(tx) };
		return { role: 'student', students: [me], active: me };
	}
	const students = (await listMyChildren(tx)).map(toStudent);
	const active = pickActive(students, choice.requested, choice.remembered);
	return { role: 'parent', students, active };
}
