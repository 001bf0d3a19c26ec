import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bookSession, parisAt } from '../../supabase/tests/support/booking';
import { hasBuild } from '../support/start-process';
import { startAppServer } from '../support/app-server';
import { makeCoach, makeFamily } from '../support/db';
import { startCapturingSmtp } from '../support/notification-peers';
import { privateDatabase } from '../support/test-database';

/**
 * `kill -9` between claim and mark: the served build (its pg-boss engine, default settings)
 * has claimed the coach's booking mail and handed it to SMTP when the process is killed,
 * before it could record the answer. A second server on the same database must deliver it,
 * within a minute, and the mail must be accepted once.
 */
describe.skipIf(!hasBuild())('a worker killed mid-delivery', () => {
	let db: Awaited<ReturnType<typeof privateDatabase>>;
	let sql: Sql;
	let smtp: Awaited<ReturnType<typeof startCapturingSmtp>>;
	const servers: Awaited<ReturnType<typeof startAppServer>>[] = [];
	let killedAt = 0;

	beforeAll(async () => {
		db = await privateDatabase(inject('databaseUrl'));
		sql = postgres(db.url, { max: 3, onnotice: () => {} });
		smtp = await startCapturingSmtp({
			// The first message reaches the server: kill the sender before it hears the answer.
			async onData() {
				if (killedAt) return;
				const first = servers[0]!;
				const exited = new Promise((r) => first.child.once('exit', r));
				first.child.kill('SIGKILL');
				await exited;
				killedAt = Date.now();
			},
			refuse: () => (servers.length === 1 ? 421 : null)
		});
	}, 60_000);

	afterAll(async () => {
		for (const s of servers) await s.stop();
		await sql?.end({ timeout: 5 });
		await smtp?.close();
		await db?.drop();
	});

	it('loses nothing: the next server delivers the claimed mail within a minute, once', async () => {
		const env = { SMTP_URL: smtp.url, NEXUS_WORKFLOWS: 'embedded' };
		servers.push(await startAppServer(db.url, env));
		const coachId = await makeCoach(sql);
		const { parentId, studentIds } = await makeFamily(sql, { credits: 2 });
		const { session } = await bookSession(sql, parentId, {
			coachId,
			studentId: studentIds[0]!,
			startsAt: await parisAt(sql, 3, '10:00')
		});
		const deadline = Date.now() + 30_000;
		while (!killedAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
		expect(killedAt).toBeGreaterThan(0);
		const [claimed] = await sql<{ status: string; attempts: number }[]>`
			select status::text, attempts from public.session_notifications
			where session_id = ${session.id} and recipient_id = ${coachId} and method = 'EMAIL'`;
		expect(claimed).toEqual({ status: 'SENDING', attempts: 1 });

		servers.push(await startAppServer(db.url, env));
		let row: { status: string; attempts: number } | undefined;
		while (Date.now() - killedAt < 90_000) {
			[row] = await sql<{ status: string; attempts: number }[]>`
				select status::text, attempts from public.session_notifications
				where session_id = ${session.id} and recipient_id = ${coachId} and method = 'EMAIL'`;
			if (row?.status === 'SENT') break;
			await new Promise((r) => setTimeout(r, 200));
		}
		const recoveredInMs = Date.now() - killedAt;
		console.log(
			`[crash] claimed mail delivered ${(recoveredInMs / 1000).toFixed(1)} s after kill -9`
		);
		expect(row).toEqual({ status: 'SENT', attempts: 2 });
		expect(recoveredInMs).toBeLessThan(60_000);
		const [coach] = await sql<
			{ email: string }[]
		>`select email from public.profiles where id = ${coachId}`;
		expect(smtp.to(coach!.email)).toHaveLength(1);
		const attempts = await sql`select succeeded from public.notification_attempts n
			join public.session_notifications d on d.id = n.notification_id
			where d.session_id = ${session.id} and d.recipient_id = ${coachId}`;
		expect(attempts.map((a) => a.succeeded)).toEqual([true]);
	}, 150_000);
});
