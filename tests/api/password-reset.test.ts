import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_BY_ROLE } from '../../src/lib/core/roles';
import { appUrl, call } from '../support/api';
import { adminSql, makeUser } from '../support/db';
import { postForm, signInCookie } from '../support/forms';

/**
 * "Forgot password" of the embedded identity, against the built server: the link arrives by the
 * real email channel (the server's in-process SMTP server, whose mail lands in dev_mailbox),
 * works once within the hour, and ends every other session of the account.
 */
let sql: Sql;
beforeAll(() => {
	sql = adminSql(2);
});
afterAll(() => sql.end());

const OLD_PASSWORD = 'old-password-123';
const NEW_PASSWORD = 'nouveau-mot-de-passe-1';

/** A parent who signs in with OLD_PASSWORD. */
async function parent(locale: 'fr' | 'en' = 'fr') {
	const id = await makeUser(sql, 'parent', { firstName: 'Claire' });
	const [row] = await sql<{ email: string }[]>`
		update auth.users set encrypted_password = extensions.crypt(${OLD_PASSWORD}, extensions.gen_salt('bf', 4))
		where id = ${id} returning email`;
	await sql`update public.profiles set locale = ${locale} where id = ${id}`;
	return { id, email: row!.email };
}

/** The mails the server's SMTP server received for `email`, waiting up to `ms` for `count`. */
async function mailsTo(email: string, count: number, ms = 10_000) {
	const deadline = Date.now() + ms;
	for (;;) {
		const mails = await sql<{ subject: string; body: string }[]>`
			select subject, body from public.dev_mailbox where recipient = ${email} order by id`;
		if (mails.length >= count || Date.now() > deadline) return mails;
		await new Promise((r) => setTimeout(r, 100));
	}
}

const tokenIn = (body: string) => /\/reset\?token=([A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? null;

describe('forgot password', () => {
	it('answers the same for an unknown address, and mails only a real account', async () => {
		const known = await parent();
		const unknown = `nobody-${Date.now()}@nexus.test`;
		const [a, b] = [
			await postForm('/forgot', { email: known.email }),
			await postForm('/forgot', { email: unknown })
		];
		expect([a.status, b.status]).toEqual([200, 200]);
		expect(a.text).toContain(`Si un compte utilise ${known.email}`);
		expect(b.text).toContain(`Si un compte utilise ${unknown}`);
		const mails = await mailsTo(known.email, 1);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toBe('Choisir un nouveau mot de passe');
		expect(mails[0]!.body).toContain('Bonjour Claire,');
		expect(tokenIn(mails[0]!.body)).not.toBeNull();
		await new Promise((r) => setTimeout(r, 300));
		expect(await mailsTo(unknown, 1, 0)).toHaveLength(0);
	});

	it('speaks the account’s language, and stores only a digest of the token', async () => {
		const person = await parent('en');
		await postForm('/forgot', { email: person.email });
		const [mail] = await mailsTo(person.email, 1);
		expect(mail!.subject).toBe('Choose a new password');
		const token = tokenIn(mail!.body)!;
		const [stored] = await sql<{ recovery_token: string }[]>`
			select recovery_token from auth.users where id = ${person.id}`;
		expect(stored!.recovery_token).toBe(createHash('sha256').update(token).digest('hex'));
		expect(stored!.recovery_token).not.toContain(token);
	});

	it('a link works once: new password, signed in, every other session ended', async () => {
		const person = await parent();
		const before = await signInCookie(person.email, OLD_PASSWORD);
		expect((await call('GET', '/api/me', { token: accessOf(before) })).status).toBe(200);
		await postForm('/forgot', { email: person.email });
		const token = tokenIn((await mailsTo(person.email, 1))[0]!.body)!;

		const page = await fetch(`${appUrl()}/reset?token=${token}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Nouveau mot de passe');

		// Too short: refused on the field, the link still good.
		const short = await postForm('/reset', { token, password: 'court' });
		expect(short.status).toBe(400);
		expect(short.text).toContain('Trop court');

		const done = await postForm('/reset', { token, password: NEW_PASSWORD });
		expect(done.status).toBe(303);
		expect(done.location).toBe(HOME_BY_ROLE.parent);
		expect(done.setCookies.some((c) => c.startsWith('nexus_access='))).toBe(true);

		// The session from before is over, the old password too; the new one signs in.
		expect((await call('GET', '/api/me', { token: accessOf(before) })).status).toBe(401);
		expect((await postForm('/login', { email: person.email, password: OLD_PASSWORD })).status).toBe(
			400
		);
		await signInCookie(person.email, NEW_PASSWORD);

		// Spent.
		const again = await postForm('/reset', { token, password: 'encore-un-autre-1' });
		expect(again.status).toBe(400);
		expect(again.text).toContain('Ce lien ne fonctionne plus');
	});

	it('a link older than an hour, or made up, does nothing', async () => {
		const person = await parent();
		await postForm('/forgot', { email: person.email });
		const token = tokenIn((await mailsTo(person.email, 1))[0]!.body)!;
		await sql`update auth.users set recovery_sent_at = now() - interval '61 minutes'
			where id = ${person.id}`;
		expect((await postForm('/reset', { token, password: NEW_PASSWORD })).status).toBe(400);
		const forged = 'A'.repeat(43);
		expect((await postForm('/reset', { token: forged, password: NEW_PASSWORD })).status).toBe(400);
		expect((await postForm('/reset', { token: 'short', password: NEW_PASSWORD })).status).toBe(400);
		await signInCookie(person.email, OLD_PASSWORD);
	});

	it('three mails per account an hour, then 429 with Retry-After and no fourth mail', async () => {
		const person = await parent();
		for (let n = 0; n < 3; n++)
			expect((await postForm('/forgot', { email: person.email })).status).toBe(200);
		const fourth = await postForm('/forgot', { email: person.email });
		expect(fourth.status).toBe(429);
		expect(fourth.text).toContain('Trop de demandes');
		expect(await mailsTo(person.email, 3)).toHaveLength(3);
		await new Promise((r) => setTimeout(r, 300));
		expect(await mailsTo(person.email, 4, 0)).toHaveLength(3);
	});

	it('refuses a malformed address on the field, with control characters too', async () => {
		for (const email of ['not-an-address', 'a\u0000@nexus.test']) {
			const res = await postForm('/forgot', { email });
			expect(res.status).toBe(400);
		}
	});
});

/** The access token in a `Cookie` header made by signInCookie. */
function accessOf(cookie: string): string {
	const pair = cookie.split('; ').find((c) => c.startsWith('nexus_access='));
	if (!pair) throw new Error(`no access token cookie in ${cookie}`);
	return decodeURIComponent(pair.slice(pair.indexOf('=') + 1));
}
