/**
 * Fuzz: control characters (U+0000 first: PostgreSQL refuses it with 22021/22P05) and lone
 * surrogates in every field of every /api endpoint and every form action, against the built
 * server. Nothing may answer 5xx; a NUL in a JSON body is a 400 VALIDATION_FAILED with a field
 * error, and a NUL in a free-text form field is a 400.
 */
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, call, tokenFor } from '../support/api';
import { adminSql } from '../support/db';
import { DEMO_EMAILS } from '../support/demo';
import {
	bookedSession,
	bookingBody,
	FIXTURE_PASSWORD,
	parisDate,
	type BookedSession
} from '../support/fixture-accounts';
import { signInCookie } from '../support/forms';

/** Each is sent alone and inside the field's valid value (so trimming cannot hide it). */
const HOSTILE = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\ud800', '\r\n\t'];
const NUL = '\u0000';

/** Free-text fields: a NUL there must be reported on that very field. */
const TEXT_FIELDS = new Set([
	'title',
	'description',
	'idempotencyKey',
	'notes',
	'reason',
	'feedback',
	'email',
	'password',
	'refresh_token',
	'firstName',
	'lastName',
	'phone',
	'timeZone'
]);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function leaves(value: Json, path: Path = []): Path[] {
	if (value !== null && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) =>
			leaves(v, [...path, Array.isArray(value) ? Number(k) : k])
		);
	}
	return [path];
}

function withLeaf(value: Json, path: Path, leaf: string): Json {
	const copy = structuredClone(value) as Record<string | number, Json>;
	let node = copy;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
	node[path.at(-1)!] = leaf;
	return copy;
}

function variantsOf(original: Json): { hostile: string; value: string }[] {
	const text = typeof original === 'string' ? original : JSON.stringify(original);
	const middle = Math.ceil(text.length / 2);
	return HOSTILE.flatMap((hostile) => [
		{ hostile, value: hostile },
		{ hostile, value: text.slice(0, middle) + hostile + text.slice(middle) }
	]);
}

/** encodeURIComponent throws on a lone surrogate: send its (invalid) UTF-8 bytes instead. */
const encodePath = (value: string) =>
	value
		.split(/(\p{Cs})/u)
		.map((part) => (/\p{Cs}/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
		.join('');

interface Outcome {
	label: string;
	status: number;
	body: string;
}

const outcomes: Outcome[] = [];

async function send(label: string, url: string, init: RequestInit): Promise<Outcome> {
	const res = await fetch(`${appUrl()}${url}`, { redirect: 'manual', ...init });
	const outcome = { label, status: res.status, body: await res.text() };
	outcomes.push(outcome);
	return outcome;
}

interface ApiTarget {
	method: string;
	path: string;
	token: () => string;
	body?: Json;
	query?: Record<string, string>;
}

interface FormTarget {
	/** Path with its `?/action` and any URL state (the booking wizard keeps its answers there). */
	path: string;
	cookie: () => string;
	fields: Record<string, string>;
	query?: Record<string, string>;
}

let sql: Sql;
let booked: BookedSession;
let rated: BookedSession;
let staffToken: string;
let parentCookie: string;
let coachCookie: string;
let freeSlot: string;

beforeAll(async () => {
	sql = adminSql();
	booked = await bookedSession(sql, { days: 5, credits: 20 });
	rated = await bookedSession(sql, { days: 6, credits: 5 });
	await sql`update public.session_bookings set status = 'COMPLETED' where id = ${rated.sessionId}`;
	staffToken = await tokenFor(DEMO_EMAILS.assistant);
	const emailOf = async (id: string) =>
		(await sql<{ email: string }[]>`select email from auth.users where id = ${id}`)[0]!.email;
	parentCookie = await signInCookie(await emailOf(booked.family.parent.id), FIXTURE_PASSWORD);
	coachCookie = await signInCookie(await emailOf(booked.coach.id), FIXTURE_PASSWORD);
	const slots = await call('GET', `/book/slots?coach=${booked.coach.id}&duration=60`, {
		token: booked.family.parent.token
	});
	freeSlot = slots.body.slots[3].startsAt;
}, 60_000);

afterAll(async () => {
	await sql?.end({ timeout: 5 });
	const serverErrors = outcomes.filter((o) => o.status >= 500).length;
	console.log(`[fuzz] ${outcomes.length} requests sent, ${serverErrors} answered 5xx`);
});

function apiTargets(): ApiTarget[] {
	const parent = () => booked.family.parent.token;
	const coach = () => booked.coach.token;
	const staff = () => staffToken;
	const student = booked.student.id;
	const date = parisDate(10);
	const id = booked.sessionId;
	return [
		{
			method: 'POST',
			path: '/api/auth/token',
			token: () => '',
			body: { email: DEMO_EMAILS.hugo, password: 'not-the-password' }
		},
		{
			method: 'POST',
			path: '/api/auth/token',
			token: () => '',
			body: { grant_type: 'refresh_token', refresh_token: 'x'.repeat(40) }
		},
		{ method: 'GET', path: '/api/coaches', token: parent, query: { subject: 'MATHEMATIQUES' } },
		{
			method: 'GET',
			path: '/api/coaches/availability',
			token: parent,
			query: { coachId: booked.coach.id, startDate: date, endDate: date, duration: '60' }
		},
		{
			method: 'POST',
			path: '/api/coaches/availability',
			token: coach,
			body: {
				type: 'weekly',
				schedule: [
					{ dayOfWeek: 1, slots: [{ startTime: '08:00', endTime: '20:00', isAvailable: true }] }
				]
			}
		},
		{
			method: 'POST',
			path: '/api/coaches/availability',
			token: staff,
			body: {
				type: 'specific',
				coachId: booked.coach.id,
				specificDate: parisDate(40),
				slots: [{ startTime: '09:00', endTime: '10:00' }]
			}
		},
		{
			method: 'DELETE',
			path: '/api/coaches/availability',
			token: coach,
			query: { specificDate: parisDate(40) }
		},
		{ method: 'GET', path: '/api/credits', token: parent, query: { studentId: student } },
		{
			method: 'POST',
			path: '/api/credits/grant',
			token: staff,
			body: { studentId: student, amount: 1, reason: 'Geste commercial' }
		},
		{
			method: 'GET',
			path: '/api/sessions',
			token: parent,
			query: { userId: student, status: 'SCHEDULED,CONFIRMED', startDate: date, endDate: date }
		},
		{
			method: 'POST',
			path: '/api/sessions/book',
			token: parent,
			body: {
				...bookingBody(booked.coach.id, student, parisDate(12), '09:00'),
				description: 'Chapitre 3\nexercices 1 à 4',
				idempotencyKey: 'fuzz-key-0001',
				type: 'INDIVIDUAL',
				modality: 'ONLINE'
			}
		},
		{
			method: 'PATCH',
			path: `/api/sessions/${id}/status`,
			token: coach,
			body: { status: 'CONFIRMED', notes: 'Salle 2' }
		},
		{
			method: 'POST',
			path: `/api/sessions/${id}/reschedule`,
			token: parent,
			body: { scheduledDate: parisDate(14), startTime: '15:00', reason: 'Un imprévu' }
		},
		{
			method: 'POST',
			path: `/api/sessions/${rated.sessionId}/feedback`,
			token: () => rated.family.parent.token,
			body: { rating: 5, feedback: 'Très clair' }
		},
		{
			method: 'POST',
			path: `/api/sessions/${rated.sessionId}/feedback`,
			token: () => rated.coach.token,
			body: { notes: 'Revoir les fractions' }
		},
		{
			method: 'GET',
			path: '/book/slots',
			token: parent,
			query: { coach: booked.coach.id, duration: '60' }
		}
	];
}

function formTargets(): FormTarget[] {
	const parent = () => parentCookie;
	const coach = () => coachCookie;
	const none = () => '';
	const child = booked.student.id;
	return [
		{
			path: '/login',
			cookie: none,
			fields: { email: 'x@nexus.test', password: 'wrong-password', next: '/sessions' }
		},
		{
			path: '/signup',
			cookie: none,
			fields: {
				email: 'fuzz.signup@fixture.test',
				password: 'long-enough-password',
				firstName: 'Zoé',
				lastName: 'Fuzz',
				phone: '+33 6 12 34 56 78'
			}
		},
		{ path: '/forgot', cookie: none, fields: { email: 'fuzz.forgot@fixture.test' } },
		{ path: '/login/link', cookie: none, fields: { email: 'fuzz.link@fixture.test' } },
		{ path: '/auth/magic', cookie: none, fields: { token: 'A'.repeat(43) } },
		{
			path: '/reset',
			cookie: none,
			fields: { token: 'A'.repeat(43), password: 'long-enough-password' }
		},
		{ path: '/locale', cookie: none, fields: { locale: 'en', redirectTo: '/login' } },
		{ path: '/family?/switch', cookie: parent, fields: { child, redirectTo: '/sessions' } },
		{
			path: '/family?/addChild',
			cookie: parent,
			fields: {
				email: 'fuzz.child@fixture.test',
				password: 'long-enough-password',
				firstName: 'Léa',
				lastName: 'Fuzz'
			}
		},
		{
			path: '/book?/book',
			cookie: parent,
			fields: { idempotencyKey: crypto.randomUUID() },
			query: {
				subject: 'MATHEMATIQUES',
				coach: booked.coach.id,
				duration: '60',
				slot: freeSlot,
				student: child,
				title: 'Révisions',
				description: 'Chapitre 3',
				step: 'confirm'
			}
		},
		{
			path: '/sessions?/rate',
			cookie: () => parentCookie,
			fields: { sessionId: booked.sessionId, rating: '4', feedback: 'Bien' }
		},
		{ path: `/sessions/${booked.sessionId}/cancel`, cookie: parent, fields: { reason: 'Malade' } },
		{
			path: `/sessions/${booked.sessionId}/reschedule`,
			cookie: parent,
			fields: { slot: freeSlot, reason: 'Un imprévu' }
		},
		{ path: '/coach/availability?/restoreDate', cookie: coach, fields: { date: parisDate(40) } },
		{
			path: '/coach/profile',
			cookie: coach,
			fields: { timeZone: 'Europe/Paris', phone: '+33 6 00 00 00 00', notifyEmail: 'on' }
		},
		{ path: '/logout', cookie: none, fields: {} }
	];
}

const json = (text: string) => {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
};

describe('hostile input never answers 5xx', () => {
	it('every field of every /api endpoint, in bodies, query strings and paths', async () => {
		const misreported: string[] = [];
		for (const target of apiTargets()) {
			const input: Json = target.body ?? target.query ?? {};
			for (const path of leaves(input)) {
				if (!path.length) continue;
				for (const { hostile, value } of variantsOf(getAt(input, path))) {
					const mutated = withLeaf(input, path, value) as Record<string, string>;
					const url = target.query ? `${target.path}?${new URLSearchParams(mutated)}` : target.path;
					const label = `${target.method} ${target.path} ${path.join('.')}=${JSON.stringify(value)}`;
					const res = await send(label, url, {
						method: target.method,
						headers: {
							...(target.token() ? { authorization: `Bearer ${target.token()}` } : {}),
							...(target.body ? { 'content-type': 'application/json' } : {})
						},
						body: target.body ? JSON.stringify(mutated) : undefined
					});
					const field = String(path.at(-1));
					if (hostile === NUL) {
						const error = json(res.body)?.error;
						const onField = !TEXT_FIELDS.has(field) || error?.fields?.[path.join('.')];
						if (res.status !== 400 || error?.code !== 'VALIDATION_FAILED' || !onField) {
							misreported.push(`${label} → ${res.status} ${res.body.slice(0, 200)}`);
						}
					}
				}
			}
		}
		// Path parameters: the session id.
		for (const { value } of variantsOf(booked.sessionId)) {
			for (const suffix of ['', '/refund-preview']) {
				await send(
					`GET /api/sessions/{id}${suffix} id=${JSON.stringify(value)}`,
					`/api/sessions/${encodePath(value)}${suffix}`,
					{
						headers: { authorization: `Bearer ${booked.family.parent.token}` }
					}
				);
			}
		}
		expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
		expect(misreported).toEqual([]);
	}, 240_000);

	it('every field of every form action, and the URL state of the booking wizard', async () => {
		const misreported: string[] = [];
		for (const target of formTargets()) {
			const inputs: [string, Record<string, string>][] = [['form', target.fields]];
			if (target.query) inputs.push(['url', target.query]);
			for (const [where, input] of inputs) {
				for (const key of Object.keys(input)) {
					for (const { hostile, value } of variantsOf(input[key]!)) {
						const mutated = { ...input, [key]: value };
						const fields = where === 'form' ? mutated : target.fields;
						const query = where === 'url' ? mutated : target.query;
						const [pathname, action] = target.path.split('?');
						const search = new URLSearchParams(query);
						const url = `${pathname}?${action ? `${action}&` : ''}${search}`.replace(/\?$/, '');
						const label = `POST ${target.path} ${where}:${key}=${JSON.stringify(value)}`;
						const res = await send(label, url, {
							method: 'POST',
							headers: {
								origin: appUrl(),
								accept: 'text/html',
								'content-type': 'application/x-www-form-urlencoded',
								...(target.cookie() ? { cookie: target.cookie() } : {})
							},
							body: new URLSearchParams(fields)
						});
						if (where === 'form' && hostile === NUL && TEXT_FIELDS.has(key) && res.status !== 400) {
							misreported.push(`${label} → ${res.status}`);
						}
					}
				}
			}
		}
		// Pages read their URL too.
		const pages: [string, () => string, Record<string, string>][] = [
			['/login', () => '', { next: '/sessions' }],
			['/reset', () => '', { token: 'A'.repeat(43) }],
			['/auth/magic', () => '', { token: 'A'.repeat(43) }],
			['/sessions', () => parentCookie, { booked: booked.sessionId }],
			[
				'/book',
				() => parentCookie,
				{
					subject: 'MATHEMATIQUES',
					coach: booked.coach.id,
					slot: freeSlot,
					title: 'Révisions',
					step: 'confirm'
				}
			]
		];
		for (const [path, cookie, query] of pages) {
			for (const key of Object.keys(query)) {
				for (const { value } of variantsOf(query[key]!)) {
					const search = new URLSearchParams({ ...query, [key]: value });
					await send(`GET ${path} ${key}=${JSON.stringify(value)}`, `${path}?${search}`, {
						headers: { accept: 'text/html', ...(cookie() ? { cookie: cookie() } : {}) }
					});
				}
			}
		}
		expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
		expect(misreported).toEqual([]);
	}, 240_000);
});

function getAt(value: Json, path: Path): Json {
	let node: Json = value;
	for (const key of path) node = (node as Record<string | number, Json>)[key]!;
	return node;
}
