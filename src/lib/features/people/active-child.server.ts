import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { AppUser } from '$lib/server/auth/types';
import type { Tx } from '$lib/server/db';
import { listMyChildren, type ChildSummary } from './profiles.server';

/**
 * The parent's "active child": a default for /book, /sessions and /credits.
 * Only an id in an httpOnly cookie; it is trusted for nothing — every read
 * checks it against the parent's own children (RLS-scoped), so a forged or
 * stale id (child unlinked, other family) silently falls back to the first child.
 */
export const ACTIVE_CHILD_COOKIE = 'nexus_child';
const ONE_YEAR = 60 * 60 * 24 * 365;

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

/** Pick the active child: an explicit choice, else the cookie, else the first child. */
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

/**
 * Resolve the family scope inside the caller's transaction. `requested` (a
 * `?child=` query value) wins over the cookie when it names one of the
 * parent's children.
 */
export async function loadFamilyScope(
	tx: Tx,
	user: AppUser,
	cookies: Pick<Cookies, 'get'>,
	requested?: string | null
): Promise<FamilyScope> {
	if (user.role === 'student') {
		const me: Student = { id: user.id, ...(await myName(tx)), balance: await myBalance(tx) };
		return { role: 'student', students: [me], active: me };
	}
	const students = (await listMyChildren(tx)).map(toStudent);
	const active = pickActive(students, requested, cookies.get(ACTIVE_CHILD_COOKIE));
	return { role: 'parent', students, active };
}

/** Remember the parent's choice (the id is re-validated on every read). */
export function rememberActiveChild(event: Pick<RequestEvent, 'cookies' | 'url'>, id: string) {
	event.cookies.set(ACTIVE_CHILD_COOKIE, id, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: ONE_YEAR
	});
}
