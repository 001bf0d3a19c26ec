/**
 * Who may listen to which live topic, asked the two ways the homes ask it: the function the
 * SSE endpoint calls, and the RLS policy Supabase Realtime applies to realtime.messages when a
 * client joins a private channel (the topic in `realtime.topic`).
 */
import { describe, expect, it } from 'vitest';
import { actAs, fileSql, makeCoach, makeFamily, makeUser } from '../../tests/support/db';
import type { Tx } from '../../src/lib/server/db/as-user';

const sql = fileSql();

async function people() {
	const coach = await makeCoach(sql);
	const otherCoach = await makeCoach(sql);
	const family = await makeFamily(sql);
	const otherFamily = await makeFamily(sql);
	const assistant = await makeUser(sql, 'assistant');
	return { coach, otherCoach, family, otherFamily, assistant };
}

const canListen = (userId: string, topic: string) =>
	actAs(
		sql,
		userId
	)(async (tx) => {
		const [row] = await tx<{ ok: boolean }[]>`select public.can_listen(${topic}) as ok`;
		return row!.ok;
	});

/** What a private channel on `topic` would let `userId` receive, by the realtime.messages policy. */
const visibleThroughPolicy = (userId: string, topic: string) =>
	actAs(
		sql,
		userId
	)(async (tx: Tx) => {
		await tx`select set_config('realtime.topic', ${topic}, true)`;
		const rows = await tx<
			{ topic: string }[]
		>`select topic from realtime.messages where topic = ${topic}`;
		return rows.length;
	});

describe('who may listen to a live topic', () => {
	it('staff hear every topic; families, students and coaches only their own', async () => {
		const p = await people();
		const parent = p.family.parentId;
		const student = p.family.studentIds[0]!;
		const cases: [string, string, boolean][] = [
			[p.assistant, 'staff:sessions', true],
			[p.assistant, `user:${parent}`, true],
			[p.assistant, `coach:${p.coach}`, true],
			[parent, 'staff:sessions', false],
			[p.coach, 'staff:sessions', false],
			[student, 'staff:sessions', false],
			[parent, `user:${parent}`, true],
			[parent, `user:${p.otherFamily.parentId}`, false],
			[student, `user:${student}`, true],
			[student, `user:${parent}`, false],
			[p.coach, `coach:${p.coach}`, true],
			[p.coach, `coach:${p.otherCoach}`, false],
			[p.coach, `user:${parent}`, false],
			[parent, `coach:${p.coach}`, false],
			// Any signed-in person may watch a coach's free slots (times only).
			[parent, `slots:${p.coach}`, true],
			[p.coach, `slots:${p.otherCoach}`, true],
			// Malformed or unknown topics are refused, never an error.
			[p.assistant, 'staff:everything', false],
			[parent, 'user:not-a-uuid', false],
			[parent, `USER:${parent}`, false],
			[parent, '', false]
		];
		const answers = [];
		for (const [who, topic] of cases) answers.push(await canListen(who, topic));
		expect(answers).toEqual(cases.map((c) => c[2]));
	});

	it('refuses an anonymous caller', async () => {
		const [row] = await sql
			.begin(async (tx) => {
				await tx`select set_config('role', 'anon', true)`;
				return tx<{ ok: boolean }[]>`select public.can_listen('staff:sessions') as ok`;
			})
			.catch((e: Error) => [{ ok: e.message.includes('permission denied') ? false : true }]);
		expect(row!.ok).toBe(false);
	});

	it('the realtime.messages policy answers the same, as each role in SQL', async () => {
		const p = await people();
		const parent = p.family.parentId;
		const topics = ['staff:sessions', `user:${parent}`, `coach:${p.coach}`];
		for (const t of topics) await sql`select realtime.send('{}'::jsonb, 'test', ${t}, true)`;
		const seen = async (who: string) => {
			const out: Record<string, boolean> = {};
			for (const t of topics) out[t] = (await visibleThroughPolicy(who, t)) > 0;
			return out;
		};
		expect(await seen(p.assistant)).toEqual({
			'staff:sessions': true,
			[`user:${parent}`]: true,
			[`coach:${p.coach}`]: true
		});
		expect(await seen(parent)).toEqual({
			'staff:sessions': false,
			[`user:${parent}`]: true,
			[`coach:${p.coach}`]: false
		});
		expect(await seen(p.coach)).toEqual({
			'staff:sessions': false,
			[`user:${parent}`]: false,
			[`coach:${p.coach}`]: true
		});
		expect(await seen(p.otherFamily.parentId)).toEqual({
			'staff:sessions': false,
			[`user:${parent}`]: false,
			[`coach:${p.coach}`]: false
		});
	});

	it('a signed-in person cannot write into a topic', async () => {
		const p = await people();
		const error = await actAs(
			sql,
			p.family.parentId
		)((tx) => tx`select realtime.send('{}'::jsonb, 'spoof', 'staff:sessions', true)`).catch(
			(e: Error) => e
		);
		expect((error as Error).message).toMatch(/permission denied/);
	});
});

describe('what is broadcast', () => {
	it('a new balance reaches the student, their parents and staff, with ids and the balance only', async () => {
		const family = await makeFamily(sql, { credits: 0 });
		const student = family.studentIds[0]!;
		const assistant = await makeUser(sql, 'assistant');
		await actAs(
			sql,
			assistant,
			'assistant'
		)((tx) => tx`select public.grant_credits(${student}, 3, 'Bienvenue')`);
		const rows = await sql<{ topic: string; payload: Record<string, unknown> }[]>`
			select topic, payload from realtime.messages
			where event = 'credits' and payload ->> 'studentId' = ${student} and (payload ->> 'balance')::int = 3`;
		expect(rows.map((r) => r.topic).sort()).toEqual(
			['staff:sessions', `user:${student}`, `user:${family.parentId}`].sort()
		);
		expect(rows[0]!.payload).toEqual({ studentId: student, balance: 3 });
	});

	it('a week of availability saved at once is one message per topic, not one per row', async () => {
		const coach = await makeCoach(sql);
		const [before] = await sql<
			{ id: string }[]
		>`select coalesce(max(id), 0)::text as id from realtime.messages`;
		await sql`insert into public.coach_availability (coach_id, is_recurring, day_of_week, start_time, end_time)
			select ${coach}, true, d, '21:00', '22:00' from generate_series(1, 5) as d`;
		const [row] = await sql<{ n: number }[]>`
			select count(*)::int as n from realtime.messages
			where event = 'availability' and topic = ${'slots:' + coach} and id > ${before!.id}::bigint`;
		expect(row!.n).toBe(1);
	});
});

describe('what the staff tools say', () => {
	it('a delivery that fails for good, then is resent, is heard on the staff topic', async () => {
		const family = await makeFamily(sql);
		const coach = await makeCoach(sql);
		const [session] = await sql<{ id: string }[]>`
			insert into public.session_bookings (student_id, coach_id, parent_id, booked_by, subject_code,
				title, starts_at, ends_at, duration_minutes, credits_used, modality)
			values (${family.studentIds[0]!}, ${coach}, ${family.parentId}, ${family.parentId}, 'MATHEMATIQUES',
				'Live', now() + interval '30 days', now() + interval '30 days 1 hour', 60, 1, 'IN_PERSON')
			returning id`;
		const [delivery] = await sql<{ id: string }[]>`
			insert into public.session_notifications (session_id, recipient_id, type, method, title, message, delivery_key)
			values (${session!.id}, ${family.parentId}, 'SESSION_BOOKED', 'EMAIL', 't', 'm', ${'live:' + session!.id})
			returning id`;
		await sql`update public.session_notifications set status = 'SENDING' where id = ${delivery!.id}`;
		await sql`update public.session_notifications set status = 'FAILED' where id = ${delivery!.id}`;
		await sql`update public.session_notifications set status = 'PENDING' where id = ${delivery!.id}`;
		const heard = await sql<{ status: string }[]>`
			select payload ->> 'status' as status from realtime.messages
			where topic = 'staff:sessions' and event = 'delivery' and payload ->> 'deliveryId' = ${delivery!.id}
			order by id`;
		// SENDING is not news for the board; entering and leaving FAILED are.
		expect(heard.map((h) => h.status)).toEqual(['FAILED', 'PENDING']);
	});
});
