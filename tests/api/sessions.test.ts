import { describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { fileSql } from '../support/db';
import {
	bookedSession,
	bookingBody,
	parisDate,
	signedInCoach,
	signedInFamily,
	type SignedIn
} from '../support/fixture-accounts';

const sql = fileSql(4);

describe('GET /api/sessions/{id}', () => {
	it('shows the session to its parent, student and coach', async () => {
		const { coach, family, student, sessionId } = await bookedSession(sql);
		for (const token of [family.parent.token, student.token, coach.token]) {
			const res = await call('GET', `/api/sessions/${sessionId}`, { token });
			expect(res.status).toBe(200);
			expect(res.body.session).toMatchObject({ id: sessionId, student: { id: student.id } });
		}
	});

	it('answers 404 to another family, for an unknown id; 400 for a malformed one', async () => {
		const { sessionId } = await bookedSession(sql);
		const other = await signedInFamily(sql);
		expect(
			(await call('GET', `/api/sessions/${sessionId}`, { token: other.parent.token })).status
		).toBe(404);
		const unknown = '10000000-0000-4000-8000-0000000000ff';
		expect(
			(await call('GET', `/api/sessions/${unknown}`, { token: other.parent.token })).status
		).toBe(404);
		expect(
			(await call('GET', '/api/sessions/not-a-uuid', { token: other.parent.token })).status
		).toBe(400);
	});
});

describe('GET /api/sessions', () => {
	it('lists what the caller may see, filtered by user, status and dates', async () => {
		const coach = await signedInCoach(sql);
		const family = await signedInFamily(sql, { children: 2, credits: 5 });
		const [first, second] = family.students as [SignedIn, SignedIn];
		const dates = [parisDate(4), parisDate(6)];
		const ids: string[] = [];
		for (const [i, student] of [first, second].entries()) {
			const res = await call('POST', '/api/sessions/book', {
				token: family.parent.token,
				body: bookingBody(coach.id, student.id, dates[i]!, '10:00')
			});
			ids.push(res.body.session.id);
		}
		const list = (query: string, token = family.parent.token) =>
			call('GET', `/api/sessions${query}`, { token });

		const all = await list('');
		expect(all.status).toBe(200);
		expect(all.body.sessions.map((s: any) => s.id).sort()).toEqual([...ids].sort());
		expect((await list(`?userId=${second.id}`)).body.sessions.map((s: any) => s.id)).toEqual([
			ids[1]
		]);
		expect((await list(`?userId=${family.parent.id}`)).body.sessions).toHaveLength(2);
		expect((await list('?status=SCHEDULED,CONFIRMED')).body.sessions).toHaveLength(2);
		expect((await list('?status=COMPLETED')).body.sessions).toHaveLength(0);
		const onFirstDate = await list(`?startDate=${dates[0]}&endDate=${dates[0]}`);
		expect(onFirstDate.body.sessions.map((s: any) => s.id)).toEqual([ids[0]]);
		expect((await list(`?startDate=${parisDate(5)}`)).body.sessions.map((s: any) => s.id)).toEqual([
			ids[1]
		]);
		expect((await list('?limit=1')).body.sessions).toHaveLength(1);
		// The first child sees only their own session.
		expect((await list('', first.token)).body.sessions.map((s: any) => s.id)).toEqual([ids[0]]);
		expect((await list('', coach.token)).body.sessions).toHaveLength(2);
	});

	it('answers 400 for an unknown status, a bad date or a reversed range', async () => {
		const family = await signedInFamily(sql);
		for (const query of ['?status=DONE', '?startDate=2026-1-1', '?limit=0', '?userId=me']) {
			const res = await call('GET', `/api/sessions${query}`, { token: family.parent.token });
			expect(res.status, query).toBe(400);
		}
		const reversed = `?startDate=${parisDate(3)}&endDate=${parisDate(2)}`;
		expect(
			(await call('GET', `/api/sessions${reversed}`, { token: family.parent.token })).status
		).toBe(400);
	});
});
