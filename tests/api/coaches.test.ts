import { describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { fileSql, makeCoach } from '../support/db';
import { DEMO, DEMO_EMAILS } from '../support/demo';
import { parisDate, signedInFamily } from '../support/fixture-accounts';

const sql = fileSql(4);

describe('GET /api/coaches', () => {
	it('lists the coaches qualified for a subject with ratings, subjects and next slot', async () => {
		const res = await call('GET', '/api/coaches?subject=MATHEMATIQUES', { as: DEMO_EMAILS.hugo });
		expect(res.status).toBe(200);
		const ids = res.body.coaches.map((c: any) => c.id);
		expect(ids).toEqual(expect.arrayContaining([DEMO.coachMaths, DEMO.coachNsi]));
		expect(ids).not.toContain(DEMO.coachAnglais);
		const sophie = res.body.coaches.find((c: any) => c.id === DEMO.coachMaths);
		expect(sophie).toMatchObject({
			firstName: 'Sophie',
			lastName: 'Bernard',
			subjects: ['MATHEMATIQUES', 'PHYSIQUE_CHIMIE']
		});
		expect(sophie.bio).toMatch(/mathématiques/);
		// Rated by the Martin family, which Hugo cannot see: ratings are public aggregates.
		expect(sophie.ratingCount).toBeGreaterThanOrEqual(2);
		expect(sophie.averageRating).toBeGreaterThanOrEqual(1);
		expect(sophie.nextSlot).toMatchObject({
			startsAt: expect.any(String),
			endsAt: expect.any(String),
			date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
			startTime: expect.stringMatching(/^\d{2}:\d{2}$/)
		});
	});

	it('gives a new coach no rating and the first free hour after the minimum notice', async () => {
		const coachId = await makeCoach(sql, { subjects: ['SES'] });
		const family = await signedInFamily(sql);
		const res = await call('GET', '/api/coaches?subject=SES', { token: family.parent.token });
		const coach = res.body.coaches.find((c: any) => c.id === coachId);
		expect(coach).toMatchObject({ averageRating: null, ratingCount: 0, subjects: ['SES'] });
		const startsAt = new Date(coach.nextSlot.startsAt).getTime();
		expect(startsAt).toBeGreaterThanOrEqual(Date.now() + 120 * 60_000 - 1000);
		expect(coach.nextSlot.date <= parisDate(2)).toBe(true);
	});

	it('gives null as nextSlot to a coach with no availability in the next 14 days', async () => {
		const coachId = await makeCoach(sql, { subjects: ['PHILOSOPHIE'], weekly: [] });
		const res = await call('GET', '/api/coaches?subject=PHILOSOPHIE', { as: DEMO_EMAILS.lucas });
		expect(res.body.coaches.find((c: any) => c.id === coachId).nextSlot).toBeNull();
	});

	it('answers 400 for an unknown, malformed or missing subject', async () => {
		for (const query of ['?subject=ASTROLOGIE', '?subject=maths', '', '?subject=SVT&x=1']) {
			const res = await call('GET', `/api/coaches${query}`, { as: DEMO_EMAILS.lucas });
			expect(res.status, query).toBe(400);
			expect(res.body.error.code).toBe('VALIDATION_FAILED');
		}
	});

	it('answers 401 without a token and with a garbage token', async () => {
		expect((await call('GET', '/api/coaches?subject=SVT')).status).toBe(401);
		expect((await call('GET', '/api/coaches?subject=SVT', { token: 'garbage' })).status).toBe(401);
	});
});
