import { describe, expect, it } from 'vitest';
import { appUrl } from '../support/api';
import { fileSql } from '../support/db';
import {
	FIXTURE_PASSWORD,
	bookingBody,
	parisDate,
	signedInCoach,
	signedInFamily
} from '../support/fixture-accounts';
import { postForm, signInCookie } from '../support/forms';

const sql = fileSql(2);

/** A request as the browser holding `cookie` would send it (redirects not followed). */
async function asBrowser(path: string, cookie: string, init: RequestInit = {}) {
	const res = await fetch(`${appUrl()}${path}`, {
		...init,
		headers: { cookie, accept: 'text/html', ...init.headers },
		redirect: 'manual'
	});
	return { status: res.status, location: res.headers.get('location'), res };
}

const bookAs = (cookie: string, body: unknown) =>
	asBrowser('/api/sessions/book', cookie, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify(body)
	});

const bearer = (token: string) =>
	fetch(`${appUrl()}/api/me`, { headers: { authorization: `Bearer ${token}` } });

async function passwordGrant(email: string) {
	const res = await fetch(`${appUrl()}/api/auth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: FIXTURE_PASSWORD })
	});
	expect(res.status).toBe(200);
	return (await res.json()) as { access_token: string; refresh_token: string };
}

async function emailOf(userId: string) {
	const [row] = await sql<{ email: string }[]>`select email from auth.users where id = ${userId}`;
	return row!.email;
}

/** Only the access cookie, as a copy taken before sign-out would be. */
const accessOnly = (cookie: string) =>
	cookie
		.split('; ')
		.filter((c) => c.startsWith('nexus_access='))
		.join('; ');

describe('signing out', () => {
	it('ends the old access cookie at once: no /api/me, no /sessions page, no booking', async () => {
		const coach = await signedInCoach(sql);
		const family = await signedInFamily(sql, { credits: 5 });
		const student = family.students[0]!;
		const cookie = await signInCookie(await emailOf(family.parent.id), FIXTURE_PASSWORD);

		// Signed in: every door is open.
		expect((await asBrowser('/api/me', cookie)).status).toBe(200);
		expect((await asBrowser('/sessions', cookie)).status).toBe(200);
		const booked = await bookAs(cookie, bookingBody(coach.id, student.id, parisDate(6), '10:00'));
		expect(booked.status).toBe(201);

		const logout = await postForm('/logout', {}, { cookie });
		expect(logout.status).toBe(303);

		for (const stolen of [cookie, accessOnly(cookie)]) {
			const me = await asBrowser('/api/me', stolen);
			expect(me.status).toBe(401);
			expect(await me.res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

			// A page sends the browser to sign in, and forgets the dead cookies.
			const page = await asBrowser('/sessions', stolen);
			expect(page.status).toBe(303);
			expect(page.location).toBe('/login?next=%2Fsessions&ended=1');
			const cleared = page.res.headers.getSetCookie();
			expect(cleared).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/^nexus_access=;.*Max-Age=0/),
					expect.stringMatching(/^nexus_refresh=;.*Max-Age=0/)
				])
			);

			const again = await bookAs(stolen, bookingBody(coach.id, student.id, parisDate(6), '14:00'));
			expect(again.status).toBe(401);
			expect(await again.res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
		}
		const [row] = await sql<{ n: number }[]>`
			select count(*)::int as n from public.session_bookings
			where student_id = ${student.id}`;
		expect(row?.n).toBe(1);
	});

	it('a copy told by a background request still hears why on its next page', async () => {
		const family = await signedInFamily(sql);
		const cookie = await signInCookie(await emailOf(family.parent.id), FIXTURE_PASSWORD);
		await postForm('/logout', {}, { cookie });

		// The bell's poll learns it first: the dead cookies go, a short-lived mark stays.
		const poll = await asBrowser('/api/notifications/unread', cookie);
		expect(poll.status).toBe(401);
		const set = poll.res.headers.getSetCookie();
		expect(set).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^nexus_access=;.*Max-Age=0/),
				expect.stringMatching(/^nexus_ended=1;.*HttpOnly/)
			])
		);
		const ended = 'nexus_ended=1';

		// Reloading the page, with only that mark left, lands on sign-in with the reason.
		const page = await asBrowser('/sessions', ended);
		expect(page.location).toBe('/login?next=%2Fsessions');
		const login = await asBrowser('/login?next=%2Fsessions', ended);
		expect(login.status).toBe(200);
		expect(await login.res.text()).toContain('Votre session a pris fin');
		expect(login.res.headers.getSetCookie()).toEqual([
			expect.stringMatching(/^nexus_ended=;.*Max-Age=0/)
		]);
		// Said once: a plain sign-in page says nothing of it.
		expect(await (await asBrowser('/login', '')).res.text()).not.toContain(
			'Votre session a pris fin'
		);
	});

	it('ends only that session: the same user signed in elsewhere stays signed in', async () => {
		const family = await signedInFamily(sql);
		const email = await emailOf(family.parent.id);
		const phone = await signInCookie(email, FIXTURE_PASSWORD);
		const laptop = await signInCookie(email, FIXTURE_PASSWORD);
		await postForm('/logout', {}, { cookie: phone });
		expect((await asBrowser('/api/me', phone)).status).toBe(401);
		expect((await asBrowser('/api/me', laptop)).status).toBe(200);
		expect((await asBrowser('/sessions', laptop)).status).toBe(200);
	});
});

describe('a replayed refresh token', () => {
	it('ends every access token of its session, the old one and the rotated one', async () => {
		const family = await signedInFamily(sql);
		const email = await emailOf(family.parent.id);
		const first = await passwordGrant(email);
		const refresh = (refresh_token: string) =>
			fetch(`${appUrl()}/api/auth/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ grant_type: 'refresh_token', refresh_token })
			});
		const rotated = (await (await refresh(first.refresh_token)).json()) as {
			access_token: string;
		};
		const elsewhere = await passwordGrant(email); // another session of the same user
		for (const token of [first.access_token, rotated.access_token, elsewhere.access_token]) {
			expect((await bearer(token)).status).toBe(200);
		}

		// Past the reuse interval, the first refresh token comes back: it leaked.
		await sql`update auth.refresh_tokens set updated_at = now() - interval '1 minute'
			where user_id = ${family.parent.id} and revoked`;
		expect((await refresh(first.refresh_token)).status).toBe(401);

		for (const token of [first.access_token, rotated.access_token]) {
			const res = await bearer(token);
			expect(res.status).toBe(401);
			expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
		}
		expect((await bearer(elsewhere.access_token)).status).toBe(200);
	});
});
