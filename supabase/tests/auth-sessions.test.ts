import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runAsUser } from '../../src/lib/server/db/as-user';
import { fileSql, failure, makeUser, sessionOf } from '../../tests/support/db';

/**
 * private.assert_live_session, run by every user transaction's first statement: a token is
 * honoured only while the sign-in session it names exists, belongs to its subject and has
 * not passed not_after.
 */
const sql = fileSql(2);

const whoAmI = (userId: string, session_id?: string) =>
	runAsUser(
		sql,
		{ sub: userId, role: 'authenticated', session_id: session_id as string },
		async (tx) => (await tx<{ uid: string }[]>`select auth.uid() as uid`)[0]!.uid
	);

const ended = async (promise: Promise<unknown>) => (await failure(promise)).message;

describe('a user transaction', () => {
	it('runs when the token names a live session of its own user', async () => {
		const user = await makeUser(sql, 'student');
		expect(await whoAmI(user, await sessionOf(sql, user))).toBe(user);
	});

	it('is refused when the token names no session, an unknown one or a malformed one', async () => {
		const user = await makeUser(sql, 'student');
		for (const session of [undefined, randomUUID(), 'not-a-uuid', "'; drop table x; --"]) {
			expect(await ended(whoAmI(user, session))).toMatch(/^NB_SESSION_ENDED/);
		}
	});

	it('is refused when the session belongs to someone else', async () => {
		const victim = await makeUser(sql, 'parent');
		const other = await makeUser(sql, 'parent');
		expect(await ended(whoAmI(other, await sessionOf(sql, victim)))).toMatch(/^NB_SESSION_ENDED/);
	});

	it('is refused once the session is deleted (sign-out) or past its not_after', async () => {
		const user = await makeUser(sql, 'coach');
		const [signedOut, timeboxed] = [randomUUID(), randomUUID()];
		await sql`insert into auth.sessions (id, user_id, not_after)
			values (${signedOut}, ${user}, null), (${timeboxed}, ${user}, now() + interval '1 hour')`;
		expect(await whoAmI(user, signedOut)).toBe(user);
		expect(await whoAmI(user, timeboxed)).toBe(user);

		await sql`delete from auth.sessions where id = ${signedOut}`;
		await sql`update auth.sessions set not_after = now() - interval '1 second' where id = ${timeboxed}`;
		expect(await ended(whoAmI(user, signedOut))).toMatch(/^NB_SESSION_ENDED/);
		expect(await ended(whoAmI(user, timeboxed))).toMatch(/^NB_SESSION_ENDED/);
	});

	it('cannot read or change auth.sessions itself', async () => {
		const user = await makeUser(sql, 'student');
		const session = await sessionOf(sql, user);
		const denied = await failure(
			runAsUser(sql, { sub: user, role: 'authenticated', session_id: session }, (tx) =>
				tx`select id from auth.sessions`.then((rows) => rows)
			)
		);
		expect(denied.code).toBe('42501');
	});
});
