import type { Sql } from 'postgres';
import { expect } from 'vitest';
import { postForm } from './forms';

/** The mails the built server's SMTP server received (public.dev_mailbox), read through `sql`. */
export function mailbox(sql: Sql) {
	/** The mails to `email`, waiting up to `ms` for `count` of them. */
	async function mailsTo(email: string, count: number, ms = 10_000) {
		const deadline = Date.now() + ms;
		for (;;) {
			const mails = await sql<{ subject: string; body: string }[]>`
				select subject, body from public.dev_mailbox where recipient = ${email} order by id`;
			if (mails.length >= count || Date.now() > deadline) return mails;
			await new Promise((r) => setTimeout(r, 100));
		}
	}

	return {
		mailsTo,
		/** "Email me a link" at `path`: three mails an hour, then 429 and no fourth mail. */
		async expectThreeAnHour(path: string, email: string) {
			for (let n = 0; n < 3; n++) expect((await postForm(path, { email })).status).toBe(200);
			const fourth = await postForm(path, { email });
			expect(fourth.status).toBe(429);
			expect(fourth.text).toContain('Trop de demandes');
			expect(await mailsTo(email, 3)).toHaveLength(3);
			await new Promise((r) => setTimeout(r, 300));
			expect(await mailsTo(email, 4, 0)).toHaveLength(3);
		}
	};
}
