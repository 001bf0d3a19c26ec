import { describe, expect, it } from 'vitest';
import { HOME_BY_ROLE } from '../../src/lib/core/roles';
import { appUrl, call } from '../support/api';
import { fileSql, makeUser } from '../support/db';
import { mailbox } from '../support/mailbox';
import { postForm } from '../support/forms';

/**
 * "Email me a sign-in link" with the embedded identity, against the built server: the link
 * arrives by the real email channel (the in-process SMTP server, its mail in dev_mailbox),
 * opening it only shows a button (mail scanners open links too), pressing it signs in once
 * within the hour; nobody learns whether an address has an account, none is created.
 */
const sql = fileSql(2);
const { mailsTo, expectThreeAnHour } = mailbox(sql);

async function parent(locale: 'fr' | 'en' = 'fr') {
	const id = await makeUser(sql, 'parent', { firstName: 'Inès' });
	await sql`update public.profiles set locale = ${locale} where id = ${id}`;
	const [row] = await sql<{ email: string }[]>`select email from auth.users where id = ${id}`;
	return { id, email: row!.email };
}

const linkIn = (body: string) => /\/auth\/magic\?token=([A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? null;

/** Ask for a link, and read it in the mail that follows (the account may have had others). */
async function linkFor(email: string) {
	const before = (await mailsTo(email, 0, 0)).length;
	expect((await postForm('/login/link', { email })).status).toBe(200);
	const token = linkIn((await mailsTo(email, before + 1)).at(-1)!.body);
	expect(token).not.toBeNull();
	return token!;
}

const accessCookie = (setCookies: string[]) =>
	setCookies.find((c) => c.startsWith('nexus_access='))?.split(';', 1)[0] ?? null;

describe('a sign-in link', () => {
	it('is offered on the sign-in page, in French first', async () => {
		const page = await (await fetch(`${appUrl()}/login`)).text();
		expect(page).toContain('href="/login/link"');
		expect(page).toContain('Recevoir un lien de connexion');
	});

	it('answers the same for an unknown address, mails only a real account, creates none', async () => {
		const known = await parent();
		const unknown = `nobody-${Date.now()}@nexus.test`;
		const [a, b] = [
			await postForm('/login/link', { email: known.email }),
			await postForm('/login/link', { email: unknown })
		];
		expect([a.status, b.status]).toEqual([200, 200]);
		expect(a.text).toContain(`Si un compte utilise ${known.email}, un lien de connexion`);
		expect(b.text).toContain(`Si un compte utilise ${unknown}, un lien de connexion`);
		const [mail] = await mailsTo(known.email, 1);
		expect(mail!.subject).toBe('Votre lien de connexion');
		expect(mail!.body).toContain('Bonjour Inès,');
		expect(mail!.body).toContain('valable 60 minutes');
		expect(linkIn(mail!.body)).not.toBeNull();
		await new Promise((r) => setTimeout(r, 300));
		expect(await mailsTo(unknown, 1, 0)).toHaveLength(0);
		const [none] = await sql<{ n: number }[]>`
			select count(*)::int as n from auth.users where email = ${unknown}`;
		expect(none!.n).toBe(0);
	});

	it('speaks the account’s language', async () => {
		const person = await parent('en');
		await postForm('/login/link', { email: person.email });
		const [mail] = await mailsTo(person.email, 1);
		expect(mail!.subject).toBe('Your sign-in link');
	});

	it('opening it spends nothing; the button signs in, once', async () => {
		const person = await parent();
		const token = await linkFor(person.email);

		for (let n = 0; n < 2; n++) {
			const page = await fetch(`${appUrl()}/auth/magic?token=${token}`);
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('Me connecter');
		}

		const done = await postForm('/auth/magic', { token });
		expect(done.status).toBe(303);
		expect(done.location).toBe(HOME_BY_ROLE.parent);
		const cookie = accessCookie(done.setCookies)!;
		const access = decodeURIComponent(cookie.slice('nexus_access='.length));
		const me = await call('GET', '/api/me', { token: access });
		expect(me.status).toBe(200);
		expect(me.body).toMatchObject({ profile: { id: person.id } });

		const again = await postForm('/auth/magic', { token });
		expect(again.status).toBe(400);
		expect(again.text).toContain('Ce lien de connexion ne fonctionne plus');
		expect(again.setCookies.some((c) => c.startsWith('nexus_access='))).toBe(false);
	});

	it('a link older than an hour, made up or malformed says so, and signs nobody in', async () => {
		const person = await parent();
		const token = await linkFor(person.email);
		await sql`update auth.users set confirmation_sent_at = now() - interval '61 minutes'
			where id = ${person.id}`;
		for (const tried of [token, 'A'.repeat(43), 'short', '']) {
			const res = await postForm('/auth/magic', { token: tried });
			expect(res.status, tried).toBe(400);
			expect(res.text).toContain('Ce lien de connexion ne fonctionne plus');
		}
		const page = await (await fetch(`${appUrl()}/auth/magic`)).text();
		expect(page).toContain('Ce lien de connexion ne fonctionne plus');
		expect(page).toContain('href="/login/link"');
	});

	it('and a reset link never spend each other', async () => {
		const person = await parent();
		await postForm('/forgot', { email: person.email });
		await mailsTo(person.email, 1);
		const token = await linkFor(person.email);
		const [row] = await sql<{ recovery: string | null }[]>`
			select recovery_token as recovery from auth.users where id = ${person.id}`;
		expect(row!.recovery).not.toBeNull();
		expect((await postForm('/reset', { token, password: 'un-nouveau-mot-1' })).status).toBe(400);
		expect((await postForm('/auth/magic', { token })).status).toBe(303);
	});

	it('three mails per account an hour, then 429 with Retry-After and no fourth mail', async () => {
		const person = await parent();
		await expectThreeAnHour('/login/link', person.email);
	});

	it('refuses a malformed address on the field, control characters too, never a 500', async () => {
		for (const email of ['not-an-address', 'a\u0000@nexus.test', 'x\u001b@nexus.test']) {
			const res = await postForm('/login/link', { email });
			expect(res.status).toBe(400);
		}
	});
});
