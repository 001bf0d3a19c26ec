import { describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { fileSql } from '../support/db';
import { DEMO, DEMO_EMAILS } from '../support/demo';
import { parisDate, signedInCoach, signedInFamily } from '../support/fixture-accounts';

const sql = fileSql(4);

const setAvailability = (token: string, body: unknown) =>
	call('POST', '/api/coaches/availability', { token, body });

const availability = (token: string, query: string) =>
	call('GET', `/api/coaches/availability?${query}`, { token });

async function ruleCount(coachId: string): Promise<number> {
	const [row] = await sql<{ n: number }[]>`
		select count(*)::int as n from public.coach_availability where coach_id = ${coachId}`;
	return row!.n;
}

describe('POST /api/coaches/availability', () => {
	it('replaces the weekly schedule for the days given (spec example) and returns the rules', async () => {
		const coach = await signedInCoach(sql);
		const res = await setAvailability(coach.token, {
			type: 'weekly',
			schedule: [
				{ dayOfWeek: 1, slots: [{ startTime: '09:00', endTime: '10:00', isAvailable: true }] }
			]
		});
		expect(res.status).toBe(200);
		expect(res.body.coachId).toBe(coach.id);
		const weekly = res.body.rules.filter((r: any) => r.isRecurring);
		// Monday replaced; the six other days (08:00–20:00 from the fixture) kept.
		expect(weekly.filter((r: any) => r.dayOfWeek === 1)).toEqual([
			expect.objectContaining({ startTime: '09:00', endTime: '10:00', isAvailable: true })
		]);
		expect(weekly).toHaveLength(7);
	});

	it('defaults isAvailable to true and allows a slot ending at 24:00', async () => {
		const coach = await signedInCoach(sql);
		const res = await setAvailability(coach.token, {
			type: 'weekly',
			schedule: [{ dayOfWeek: 2, slots: [{ startTime: '20:00', endTime: '24:00' }] }]
		});
		expect(res.status).toBe(200);
		const tuesday = res.body.rules.filter((r: any) => r.dayOfWeek === 2);
		expect(tuesday).toEqual([
			expect.objectContaining({ startTime: '20:00', endTime: '24:00', isAvailable: true })
		]);
	});

	it('sets a specific date (spec example shape); empty slots make the whole day unavailable', async () => {
		const coach = await signedInCoach(sql);
		const date = parisDate(12);
		const extra = await setAvailability(coach.token, {
			type: 'specific',
			specificDate: date,
			slots: [{ startTime: '20:00', endTime: '22:00', isAvailable: true }]
		});
		expect(extra.status).toBe(200);
		const withExtra = await availability(
			coach.token,
			`startDate=${date}&endDate=${date}&duration=120`
		);
		expect(withExtra.body.slots.map((s: any) => s.startTime)).toContain('20:00');

		const off = await setAvailability(coach.token, {
			type: 'specific',
			specificDate: date,
			slots: []
		});
		expect(off.status).toBe(200);
		const dayOff = await availability(coach.token, `startDate=${date}&endDate=${date}`);
		expect(dayOff.body.slots).toEqual([]);
		const nextDay = parisDate(13);
		const after = await availability(coach.token, `startDate=${nextDay}&endDate=${nextDay}`);
		expect(after.body.slots.length).toBeGreaterThan(0);
	});

	it('clears a weekday given with no slots, leaving the other days', async () => {
		const coach = await signedInCoach(sql);
		const res = await setAvailability(coach.token, {
			type: 'weekly',
			schedule: [{ dayOfWeek: 0, slots: [] }]
		});
		expect(res.status).toBe(200);
		const days = res.body.rules.map((r: any) => r.dayOfWeek).sort();
		expect(days).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('answers 422 IN_THE_PAST for a specific date before today', async () => {
		const coach = await signedInCoach(sql);
		const res = await setAvailability(coach.token, {
			type: 'specific',
			specificDate: parisDate(-2),
			slots: []
		});
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('IN_THE_PAST');
	});

	it('lets an assistant set a coach’s availability with coachId, and requires it', async () => {
		const coach = await signedInCoach(sql);
		const body = {
			type: 'weekly',
			coachId: coach.id,
			schedule: [{ dayOfWeek: 3, slots: [{ startTime: '10:00', endTime: '12:00' }] }]
		};
		const res = await call('POST', '/api/coaches/availability', {
			as: DEMO_EMAILS.assistant,
			body
		});
		expect(res.status).toBe(200);
		expect(res.body.rules.filter((r: any) => r.dayOfWeek === 3)).toHaveLength(1);
		const { coachId: _omitted, ...withoutCoach } = body;
		const missing = await call('POST', '/api/coaches/availability', {
			as: DEMO_EMAILS.assistant,
			body: withoutCoach
		});
		expect(missing.status).toBe(400);
		expect(missing.body.error.fields.coachId).toBeDefined();
	});

	it('answers 404 when staff name someone who is not a coach', async () => {
		const res = await call('POST', '/api/coaches/availability', {
			as: DEMO_EMAILS.assistant,
			body: { type: 'specific', coachId: DEMO.lucas, specificDate: parisDate(4), slots: [] }
		});
		expect(res.status).toBe(404);
	});

	it('forbids a coach from setting another coach’s availability (403, nothing changes)', async () => {
		const coach = await signedInCoach(sql);
		const victim = await signedInCoach(sql);
		const before = await ruleCount(victim.id);
		const res = await setAvailability(coach.token, {
			type: 'specific',
			coachId: victim.id,
			specificDate: parisDate(4),
			slots: []
		});
		expect(res.status).toBe(403);
		expect(res.body.error.code).toBe('FORBIDDEN');
		expect(await ruleCount(victim.id)).toBe(before);
	});

	it('forbids families from editing availability', async () => {
		const family = await signedInFamily(sql);
		const body = {
			type: 'specific',
			coachId: DEMO.coachMaths,
			specificDate: parisDate(4),
			slots: []
		};
		expect((await setAvailability(family.parent.token, body)).status).toBe(403);
		expect((await setAvailability(family.students[0]!.token, body)).status).toBe(403);
	});

	it('answers 400 with fields for malformed times, inverted or too-short slots, unknown keys', async () => {
		const coach = await signedInCoach(sql);
		const res = await setAvailability(coach.token, {
			type: 'weekly',
			schedule: [
				{
					dayOfWeek: 1,
					slots: [
						{ startTime: '9:00', endTime: '10:00' },
						{ startTime: '12:00', endTime: '11:00' },
						{ startTime: '14:00', endTime: '14:15' }
					]
				},
				{ dayOfWeek: 7, slots: [] }
			],
			extra: 1
		});
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('VALIDATION_FAILED');
		expect(Object.keys(res.body.error.fields)).toEqual(
			expect.arrayContaining([
				'schedule.0.slots.0.startTime',
				'schedule.0.slots.1',
				'schedule.0.slots.2',
				'schedule.1.dayOfWeek'
			])
		);
		const badType = await setAvailability(coach.token, { type: 'monthly' });
		expect(badType.status).toBe(400);
	});

	it('answers 422 OVERLAPPING_SLOTS for two overlapping available slots, changing nothing', async () => {
		const coach = await signedInCoach(sql);
		const before = await ruleCount(coach.id);
		const res = await setAvailability(coach.token, {
			type: 'specific',
			specificDate: parisDate(4),
			slots: [
				{ startTime: '09:00', endTime: '11:00' },
				{ startTime: '10:00', endTime: '12:00' }
			]
		});
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('OVERLAPPING_SLOTS');
		expect(await ruleCount(coach.id)).toBe(before);
	});

	it('answers 401 without a token and with a garbage token', async () => {
		const body = { type: 'specific', specificDate: parisDate(4), slots: [] };
		expect((await call('POST', '/api/coaches/availability', { body })).status).toBe(401);
		expect((await call('POST', '/api/coaches/availability', { token: 'x.y.z', body })).status).toBe(
			401
		);
	});
});

describe('DELETE /api/coaches/availability', () => {
	it("removes a date's day off so the weekly pattern applies again; another coach cannot", async () => {
		const coach = await signedInCoach(sql);
		const other = await signedInCoach(sql);
		const date = parisDate(15);
		await setAvailability(coach.token, { type: 'specific', specificDate: date, slots: [] });
		expect(
			(await availability(coach.token, `startDate=${date}&endDate=${date}`)).body.slots
		).toEqual([]);

		const forbidden = await call(
			'DELETE',
			`/api/coaches/availability?specificDate=${date}&coachId=${coach.id}`,
			{ token: other.token }
		);
		expect(forbidden.status).toBe(403);

		const removed = await call('DELETE', `/api/coaches/availability?specificDate=${date}`, {
			token: coach.token
		});
		expect(removed.status).toBe(200);
		expect(removed.body.rules.some((r: any) => r.specificDate === date)).toBe(false);
		const back = await availability(coach.token, `startDate=${date}&endDate=${date}`);
		expect(back.body.slots.length).toBeGreaterThan(0);
	});

	it('answers 400 without a date and 403 for a family', async () => {
		const coach = await signedInCoach(sql);
		expect((await call('DELETE', '/api/coaches/availability', { token: coach.token })).status).toBe(
			400
		);
		const family = await call(
			'DELETE',
			`/api/coaches/availability?specificDate=${parisDate(3)}&coachId=${DEMO.coachMaths}`,
			{ as: DEMO_EMAILS.parentMartin }
		);
		expect(family.status).toBe(403);
	});
});
