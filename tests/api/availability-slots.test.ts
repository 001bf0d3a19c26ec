import { describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { fileSql } from '../support/db';
import { DEMO } from '../support/demo';
import {
	bookingBody,
	parisDate,
	signedInCoach,
	signedInFamily,
	weekdayOf
} from '../support/fixture-accounts';

const sql = fileSql(4);

const availability = (token: string, query: string) =>
	call('GET', `/api/coaches/availability?${query}`, { token });

describe('GET /api/coaches/availability', () => {
	it('lists rules and bookable slots with ISO instants in the coach’s zone', async () => {
		const coach = await signedInCoach(sql, {
			weekly: [0, 1, 2, 3, 4, 5, 6].map((d) => ({ dayOfWeek: d, start: '09:00', end: '11:00' }))
		});
		const family = await signedInFamily(sql);
		const date = parisDate(5);
		const res = await availability(
			family.parent.token,
			`coachId=${coach.id}&startDate=${date}&endDate=${date}`
		);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ coachId: coach.id, timeZone: 'Europe/Paris' });
		expect(res.body.rules).toHaveLength(7);
		// 60-minute default, 30-minute steps: 09:00, 09:30, 10:00.
		expect(res.body.slots.map((s: any) => [s.date, s.startTime, s.endTime])).toEqual([
			[date, '09:00', '10:00'],
			[date, '09:30', '10:30'],
			[date, '10:00', '11:00']
		]);
		const first = res.body.slots[0];
		expect(new Date(first.endsAt).getTime() - new Date(first.startsAt).getTime()).toBe(3_600_000);
		expect(first.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});

	it('honours duration and hides slots booked by ANOTHER family', async () => {
		const coach = await signedInCoach(sql, {
			weekly: [0, 1, 2, 3, 4, 5, 6].map((d) => ({ dayOfWeek: d, start: '09:00', end: '12:00' }))
		});
		const booker = await signedInFamily(sql, { credits: 2 });
		const viewer = await signedInFamily(sql);
		const date = parisDate(6);
		const booked = await call('POST', '/api/sessions/book', {
			token: booker.parent.token,
			body: bookingBody(coach.id, booker.students[0]!.id, date, '10:00')
		});
		expect(booked.status).toBe(201);
		const res = await availability(
			viewer.parent.token,
			`coachId=${coach.id}&startDate=${date}&endDate=${date}&duration=30`
		);
		expect(res.body.slots.map((s: any) => s.startTime)).toEqual([
			'09:00',
			'09:30',
			'11:00',
			'11:30'
		]);
	});

	it('defaults coachId to the calling coach', async () => {
		const coach = await signedInCoach(sql);
		const date = parisDate(3);
		const res = await availability(coach.token, `startDate=${date}&endDate=${date}`);
		expect(res.status).toBe(200);
		expect(res.body.coachId).toBe(coach.id);
		expect(weekdayOf(res.body.slots[0].date)).toBe(weekdayOf(date));
	});

	it('answers 400 for a bad range, duration or missing coachId; 404 for an unknown coach', async () => {
		const family = await signedInFamily(sql);
		const t = family.parent.token;
		const start = parisDate(1);
		const tooFar = parisDate(63);
		const base = `coachId=${DEMO.coachMaths}&startDate=${start}`;
		expect((await availability(t, `${base}&endDate=${tooFar}`)).status).toBe(400);
		expect((await availability(t, `${base}&endDate=${parisDate(0)}`)).status).toBe(400);
		expect((await availability(t, `${base}&endDate=${start}&duration=45`)).status).toBe(400);
		expect((await availability(t, `${base}&endDate=${start}&duration=270`)).status).toBe(400);
		expect((await availability(t, `${base}&endDate=2026-13-01`)).status).toBe(400);
		const noCoach = await availability(t, `startDate=${start}&endDate=${start}`);
		expect(noCoach.status).toBe(400);
		expect(noCoach.body.error.fields.coachId).toBeDefined();
		const unknown = await availability(
			t,
			`coachId=${DEMO.lucas}&startDate=${start}&endDate=${start}`
		);
		expect(unknown.status).toBe(404);
		expect((await availability(t, `${base}&endDate=${parisDate(62)}`)).status).toBe(200);
	});

	it('answers 401 without a token and with a garbage token', async () => {
		const q = `coachId=${DEMO.coachMaths}&startDate=${parisDate(1)}&endDate=${parisDate(2)}`;
		expect((await call('GET', `/api/coaches/availability?${q}`)).status).toBe(401);
		expect((await call('GET', `/api/coaches/availability?${q}`, { token: 'garbage' })).status).toBe(
			401
		);
	});
});
