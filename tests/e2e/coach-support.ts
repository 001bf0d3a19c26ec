/**
 * Helpers for the coach workspace journeys: dates in the coach's zone relative to now, mouse
 * gestures on the FullCalendar time grid, and fixtures arranged through the public API (or, for
 * a session that is already running, the e2e server's own database).
 */
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { addDays, dayOfWeek } from '../../src/lib/core/time/wall-clock';
import { DEMO_PASSWORD, withE2eDatabase } from './support';

export const COACH = {
	maths: { email: 'coach.maths@nexus.test', id: '00000000-0000-4000-8000-000000000011' },
	lettres: { email: 'coach.lettres@nexus.test', id: '00000000-0000-4000-8000-000000000012' },
	nsi: { email: 'coach.nsi@nexus.test', id: '00000000-0000-4000-8000-000000000013' }
} as const;
export const LUCAS = '00000000-0000-4000-8000-000000000031';
export const PARENT_MARTIN = 'parent.martin@nexus.test';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Today's date in Paris (the demo coaches' zone), as 'YYYY-MM-DD'. */
export function parisToday(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}

/** The first date at least `minDays` from today that falls on `weekday` (0 = Sunday). */
export function nextWeekday(weekday: number, minDays: number): string {
	let date = addDays(parisToday(), minDays);
	while (dayOfWeek(date) !== weekday) date = addDays(date, 1);
	return date;
}

/** Monday of the week of `date`. */
export const mondayOf = (date: string) => addDays(date, -((dayOfWeek(date) + 6) % 7));

// --- The time grid -------------------------------------------------------------------------

async function box(page: Page, selector: string) {
	const found = await page.locator(selector).first().boundingBox();
	if (!found) throw new Error(`Not on screen: ${selector}`);
	return found;
}

/**
 * The point inside `date`'s column at wall time `time` ('HH:MM', a multiple of 15 minutes),
 * in the middle of that quarter hour (rows are 30 minutes, snapping is 15).
 */
export async function gridPoint(page: Page, date: string, time: string) {
	const m = Number(time.slice(3, 5));
	const row = rowOf(time);
	const column = await box(page, `.fc-timegrid-col[data-date="${date}"]`);
	const lane = await box(page, `.fc-timegrid-slot-lane[data-time="${row}"]`);
	const quarter = m % 30 === 15 ? 0.75 : 0.25;
	return { x: column.x + column.width / 2, y: lane.y + lane.height * quarter };
}

/** Centre the rows between two times, clear of the sticky header and save bar. */
async function centreRows(page: Page, from: string, to: string) {
	const middle = Math.round((minutes(from) + minutes(to)) / 2 / 30) * 30;
	const row = `${pad(Math.floor(middle / 60))}:${pad(middle % 60)}:00`;
	await page
		.locator(`.fc-timegrid-slot-lane[data-time="${row}"]`)
		.evaluate((lane) => lane.scrollIntoView({ block: 'center' }));
}

const pad = (n: number) => String(n).padStart(2, '0');
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	await page.mouse.move(from.x, from.y + 4, { steps: 2 });
	await page.mouse.move(to.x, to.y, { steps: 12 });
	await page.mouse.up();
}

/** Select [start, end) on a date, as a coach drags over empty time. */
export async function selectRange(page: Page, date: string, start: string, end: string) {
	const endMinutes = minutes(end) - 15;
	const last = `${pad(Math.floor(endMinutes / 60))}:${pad(endMinutes % 60)}`;
	await centreRows(page, start, last);
	await drag(page, await gridPoint(page, date, start), await gridPoint(page, date, last));
}

/**
 * Drag the event starting at `from` on `date` so that it starts at `to` on `toDate`.
 * FullCalendar follows the centre of the grabbed row of the event, not the pointer itself
 * (useEventCenter), so the pointer aims that much above or below the target.
 */
export async function moveEvent(
	page: Page,
	date: string,
	from: string,
	toDate: string,
	to: string
) {
	await centreRows(page, from, to);
	const event = page
		.locator(`.fc-timegrid-col[data-date="${date}"] .fc-event`)
		.filter({ hasText: from })
		.first();
	const box = (await event.boundingBox())!;
	const row = (await page
		.locator(`.fc-timegrid-slot-lane[data-time="${rowOf(from)}"]`)
		.boundingBox())!;
	const top = Math.max(box.y, row.y);
	const bottom = Math.min(box.y + box.height, row.y + row.height);
	const down = { x: box.x + box.width / 2, y: top + 2 };
	const target = await gridPoint(page, toDate, to);
	await drag(page, down, { x: target.x, y: target.y - ((top + bottom) / 2 - down.y) });
}

const rowOf = (time: string) =>
	`${time.slice(0, 2)}:${Number(time.slice(3, 5)) >= 30 ? '30' : '00'}:00`;

/** The calendar has rendered its time grid. */
export async function calendarReady(page: Page) {
	await expect(page.locator('.fc-timegrid-body')).toBeVisible();
}

// --- Fixtures ------------------------------------------------------------------------------

async function token(request: APIRequestContext, email: string) {
	const response = await request.post('/api/auth/token', {
		data: { email, password: DEMO_PASSWORD }
	});
	expect(response.ok()).toBe(true);
	return ((await response.json()) as { access_token: string }).access_token;
}

/** Call the API as someone else than the page's user (a bearer token, no cookie). */
export async function apiAs(
	request: APIRequestContext,
	email: string,
	method: 'GET' | 'POST' | 'PATCH',
	url: string,
	data?: unknown
) {
	const headers = { authorization: `Bearer ${await token(request, email)}` };
	const response = await request.fetch(url, { method, headers, data });
	return { status: response.status(), body: await response.json() };
}

/** The coach cancels: the family gets every credit back, so other journeys see the demo balances. */
export async function cancelAsCoach(request: APIRequestContext, sessionId: string) {
	const { status, body } = await apiAs(
		request,
		COACH.maths.email,
		'PATCH',
		`/api/sessions/${sessionId}/status`,
		{ status: 'CANCELLED', notes: 'Fin du scénario de test' }
	);
	expect(status, JSON.stringify(body)).toBe(200);
}

/** Parent Martin books Lucas a one-hour maths session with coach Maths. */
export async function bookMathsSession(
	request: APIRequestContext,
	date: string,
	startTime: string,
	title: string
): Promise<string> {
	const endTime = `${String(Number(startTime.slice(0, 2)) + 1).padStart(2, '0')}${startTime.slice(2)}`;
	const { status, body } = await apiAs(request, PARENT_MARTIN, 'POST', '/api/sessions/book', {
		coachId: COACH.maths.id,
		studentId: LUCAS,
		subject: 'MATHEMATIQUES',
		scheduledDate: date,
		startTime,
		endTime,
		duration: 60,
		title,
		creditsToUse: 1
	});
	expect(status, JSON.stringify(body)).toBe(201);
	return body.session.id as string;
}

/**
 * A confirmed session that started at most five minutes ago, on today's date in Paris: the
 * booking API refuses the past (minimum notice), so it is arranged in the e2e server's own
 * database. Never used for the action tested.
 */
export async function insertRunningSession(title: string): Promise<string> {
	return withE2eDatabase(async (sql) => {
		// Five minutes ago, but never before today's midnight in Paris: a session started
		// "yesterday" would leave this month's analytics at 0 on the 1st just after midnight.
		const startsAt = sql`greatest(date_trunc('minute', now()) - interval '5 minutes',
			date_trunc('day', now() at time zone 'Europe/Paris') at time zone 'Europe/Paris')`;
		const [row] = await sql<{ id: string }[]>`
			insert into public.session_bookings (
				student_id, coach_id, parent_id, booked_by, subject_code, modality, title,
				starts_at, ends_at, duration_minutes, status, credits_used, meeting_url, confirmed_at)
			values (${LUCAS}, ${COACH.maths.id}, '00000000-0000-4000-8000-000000000021',
				'00000000-0000-4000-8000-000000000021', 'MATHEMATIQUES', 'ONLINE', ${title},
				${startsAt}, ${startsAt} + interval '1 hour', 60, 'CONFIRMED', 1,
				'https://meet.jit.si/nexus-e2e-running', now() - interval '1 day')
			returning id`;
		return row!.id;
	});
}

/** Full-page screenshots for a human to check, kept with the run's artefacts. */
export async function snap(page: Page, name: string) {
	const { width } = page.viewportSize() ?? DESKTOP;
	await page.screenshot({
		path: path.join('test-results', 'coach-screens', `${name}-${width}.png`),
		fullPage: true
	});
}

/** How the list titles a date: 'Jeudi 17 décembre'. */
export function frenchDay(date: string): string {
	const label = new Intl.DateTimeFormat('fr-FR', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		timeZone: 'UTC'
	}).format(new Date(`${date}T00:00:00Z`));
	return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Drag the bottom edge of the (only) event of `date` so that it ends at `end`. */
export async function resizeEventEnd(page: Page, date: string, end: string) {
	await centreRows(page, end, end);
	const event = page.locator(`.fc-timegrid-col[data-date="${date}"] .fc-event`).first();
	await event.hover();
	const box = (await event.boundingBox())!;
	const last = minutes(end) - 15;
	const target = await gridPoint(page, date, `${pad(Math.floor(last / 60))}:${pad(last % 60)}`);
	// Just above the bottom edge: the handle's hit is the event's last quarter hour.
	await drag(page, { x: box.x + box.width / 2, y: box.y + box.height - 2 }, target);
}
