import { describe, expect, it } from 'vitest';
import { actAs, fileSql, makeCoach, makeFamily } from '../../../../tests/support/db';
import { loadAnalytics } from '$lib/features/analytics/coach-analytics.server';
import {
	loadAvailabilityWorkspace,
	restoreWeeklyOn
} from '$lib/features/availability/coach-calendar.server';
import { weeklyRule } from '$lib/features/availability/test-support/builders';
import { getCoachProfile, updateContactPreferences } from './profile.server';
import { loadSchedule } from '$lib/features/sessions/coach-schedule.server';

const sql = fileSql();

const asCoach = (id: string) => actAs(sql, id, 'coach');

/** A completed, rated one-hour session on the 2nd of this month at 10:00 Paris. */
async function completedThisMonth(coachId: string, studentId: string, parentId: string) {
	const [row] = await sql<{ id: string }[]>`
		with start as (
			select ((date_trunc('month', now() at time zone 'Europe/Paris') + interval '1 day 10 hours')
				at time zone 'Europe/Paris') as at)
		insert into public.session_bookings (
			student_id, coach_id, parent_id, booked_by, subject_code, modality, title,
			starts_at, ends_at, duration_minutes, status, credits_used, meeting_url,
			rating, feedback, rated_at, rated_by, completed_at)
		select ${studentId}, ${coachId}, ${parentId}, ${parentId}, 'MATHEMATIQUES', 'ONLINE',
			'Vecteurs', at, at + interval '1 hour', 60, 'COMPLETED', 2, 'https://meet.jit.si/x',
			4, 'Très clair', at + interval '2 hours', ${parentId}, at + interval '1 hour'
		from start
		returning id`;
	return row!.id;
}

/** A scheduled one-hour session two days from now. */
async function scheduledSoon(coachId: string, studentId: string, parentId: string) {
	await sql`
		insert into public.session_bookings (
			student_id, coach_id, parent_id, booked_by, subject_code, modality, title,
			starts_at, ends_at, duration_minutes, status, credits_used, meeting_url)
		values (${studentId}, ${coachId}, ${parentId}, ${parentId}, 'MATHEMATIQUES', 'ONLINE',
			'Intégrales', date_trunc('hour', now()) + interval '2 days',
			date_trunc('hour', now()) + interval '2 days 1 hour', 60, 'SCHEDULED', 1,
			'https://meet.jit.si/y')`;
}

describe('the coach workspace data', () => {
	it('gives a coach their rules, zone and sessions, shaped for the screens', async () => {
		const coach = await makeCoach(sql, {
			weekly: [{ dayOfWeek: 1, start: '17:00', end: '20:00' }]
		});
		const family = await makeFamily(sql);
		await scheduledSoon(coach, family.studentIds[0]!, family.parentId);
		const workspace = await asCoach(coach)((tx) => loadAvailabilityWorkspace(tx, coach));
		expect(workspace.timeZone).toBe('Europe/Paris');
		expect(workspace.rules).toEqual([weeklyRule(1, '17:00', '20:00')]);
		expect(workspace.sessions).toEqual([
			expect.objectContaining({
				title: 'Intégrales',
				status: 'SCHEDULED',
				studentName: 'Child0 Fixture'
			})
		]);
		const schedule = await asCoach(coach)((tx) => loadSchedule(tx, coach));
		expect(schedule.sessions).toEqual([
			expect.objectContaining({
				title: 'Intégrales',
				status: 'SCHEDULED',
				subject: { code: 'MATHEMATIQUES', nameFr: 'Mathématiques', nameEn: 'Mathematics' },
				meetingUrl: 'https://meet.jit.si/y'
			})
		]);
	});

	it('restores a date to the weekly pattern for its own coach only', async () => {
		const coach = await makeCoach(sql);
		const other = await makeCoach(sql);
		const date = '2099-03-10';
		await sql`insert into public.coach_availability
			(coach_id, is_recurring, specific_date, start_time, end_time, is_available)
			values (${coach}, false, ${date}, '00:00', '24:00', false)`;
		expect(await asCoach(other)((tx) => restoreWeeklyOn(tx, coach, date))).toBe(0);
		expect(await asCoach(coach)((tx) => restoreWeeklyOn(tx, coach, date))).toBe(1);
		const [left] = await sql<{ weekly: number; specific: number }[]>`
			select count(*) filter (where is_recurring)::int as weekly,
				count(*) filter (where not is_recurring)::int as specific
			from public.coach_availability where coach_id = ${coach}`;
		expect(left).toEqual({ weekly: 7, specific: 0 });
	});

	it('updates only the caller’s own contact preferences', async () => {
		const coach = await makeCoach(sql);
		const saved = await asCoach(coach)((tx) =>
			updateContactPreferences(tx, {
				timeZone: 'Indian/Reunion',
				phone: '+262 6 92 00 00 00',
				notifyEmail: false,
				notifySms: true,
				notifyPush: true
			})
		);
		expect(saved).toEqual({
			timeZone: 'Indian/Reunion',
			phone: '+262 6 92 00 00 00',
			notifyEmail: false,
			notifySms: true,
			notifyPush: true
		});
		const profile = await asCoach(coach)(getCoachProfile);
		expect(profile?.subjects.map((s) => s.code)).toEqual(['MATHEMATIQUES']);
	});

	it('counts this month: delivered, credits, open and booked hours, rating', async () => {
		// Open every day 08:00–20:00: 12 hours a day.
		const coach = await makeCoach(sql);
		const family = await makeFamily(sql);
		await completedThisMonth(coach, family.studentIds[0]!, family.parentId);
		const analytics = await asCoach(coach)((tx) => loadAnalytics(tx, coach));
		const [month] = await sql<{ days: number }[]>`
			select extract(day from (date_trunc('month', now() at time zone 'Europe/Paris')
				+ interval '1 month - 1 day'))::int as days`;
		expect(analytics).toMatchObject({
			delivered: 1,
			creditsEarned: 2,
			bookedHours: 1,
			availableHours: month!.days * 12,
			averageRating: 4,
			ratingCount: 1,
			latestFeedback: { rating: 4, feedback: 'Très clair', title: 'Vecteurs' }
		});
		expect(analytics.utilisation).toBe(Math.round((1 / (month!.days * 12)) * 100));
		expect(analytics.history).toHaveLength(6);
		expect(analytics.history.at(-1)).toMatchObject({ delivered: 1, credits: 2 });
	});
});
