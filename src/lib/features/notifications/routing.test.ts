import { describe, expect, it } from 'vitest';
import { inQuietHours, route, toE164, type Recipient } from './routing';

const person = (
	id: string,
	relation: Recipient['relation'],
	over: Partial<Recipient> = {}
): Recipient => ({
	id,
	relation,
	email: `${id}@example.test`,
	phone: null,
	locale: 'fr',
	timeZone: 'Europe/Paris',
	channels: { EMAIL: true, SMS: true, PUSH: true },
	quietHours: null,
	preferences: {},
	hasPushSubscription: true,
	...over
});
const at = new Date('2027-01-12T09:00:00Z');
const methods = (routes: ReturnType<typeof route>) =>
	routes.map((r) => `${r.recipient.id}:${r.method}`).sort();
const everyone = [
	person('coach', 'coach'),
	person('student', 'student'),
	person('parent', 'parent'),
	person('assistant', 'assistant')
];

describe('default routing', () => {
	it('a booking by the parent: coach by email and in-app, assistants and the student in-app, the booking parent not at all', () => {
		expect(
			methods(route({ type: 'SESSION_BOOKED', actorId: 'parent', sendAt: at }, everyone))
		).toEqual(['assistant:IN_APP', 'coach:EMAIL', 'coach:IN_APP', 'student:IN_APP']);
	});
	it('a booking by the student still lands in their own agenda, and the parent is emailed', () => {
		expect(
			methods(route({ type: 'SESSION_BOOKED', actorId: 'student', sendAt: at }, everyone))
		).toEqual([
			'assistant:IN_APP',
			'coach:EMAIL',
			'coach:IN_APP',
			'parent:EMAIL',
			'student:IN_APP'
		]);
	});
	it('the 2 h reminder adds SMS for whoever has a phone; the 24 h one does not', () => {
		const withPhone = [
			person('parent', 'parent', { phone: '06 12 34 56 78' }),
			person('coach', 'coach')
		];
		expect(
			methods(
				route(
					{ type: 'SESSION_REMINDER', reminderType: 'TWO_HOURS_BEFORE', actorId: null, sendAt: at },
					withPhone
				)
			)
		).toEqual(['coach:EMAIL', 'coach:PUSH', 'parent:EMAIL', 'parent:PUSH', 'parent:SMS']);
		expect(
			methods(
				route(
					{ type: 'SESSION_REMINDER', reminderType: 'ONE_DAY_BEFORE', actorId: null, sendAt: at },
					withPhone
				)
			)
		).not.toContain('parent:SMS');
	});
});

describe('choices and gates', () => {
	it('a preference turns a default channel off or another one on; in-app cannot be turned off', () => {
		const student = person('student', 'student', {
			phone: '+33612345678',
			preferences: { 'SESSION_CONFIRMED:SMS': true, 'SESSION_CONFIRMED:IN_APP': false }
		});
		const parent = person('parent', 'parent', {
			preferences: { 'SESSION_CONFIRMED:EMAIL': false }
		});
		expect(
			methods(route({ type: 'SESSION_CONFIRMED', actorId: 'coach', sendAt: at }, [student, parent]))
		).toEqual(['student:IN_APP', 'student:SMS']);
	});
	it('a channel switched off on the profile, no address or no subscription means nothing on it', () => {
		const coach = person('coach', 'coach', { channels: { EMAIL: false, SMS: true, PUSH: true } });
		const parent = person('parent', 'parent', { email: null, hasPushSubscription: false });
		expect(
			route(
				{
					type: 'SESSION_REMINDER',
					reminderType: 'THIRTY_MINUTES_BEFORE',
					actorId: null,
					sendAt: at
				},
				[coach, parent]
			).map((r) => `${r.recipient.id}:${r.method}`)
		).toEqual(['coach:PUSH']);
	});
	it('quiet hours hold SMS and push, never email', () => {
		const night = new Date('2027-01-12T22:30:00Z'); // 23:30 in Paris
		const parent = person('parent', 'parent', {
			phone: '0612345678',
			quietHours: { start: '22:00', end: '07:00' }
		});
		expect(
			methods(
				route(
					{
						type: 'SESSION_REMINDER',
						reminderType: 'TWO_HOURS_BEFORE',
						actorId: null,
						sendAt: night
					},
					[parent]
				)
			)
		).toEqual(['parent:EMAIL']);
	});
});

describe('inQuietHours', () => {
	const quiet = { quietHours: { start: '22:00', end: '07:00' }, timeZone: 'Europe/Paris' };
	it.each([
		['2027-07-01T19:59:00Z', false], // 21:59 summer time
		['2027-07-01T20:00:00Z', true], // 22:00
		['2027-03-28T01:30:00Z', true], // 03:30, the night clocks go forward
		['2027-01-12T05:59:00Z', true], // 06:59 winter time
		['2027-01-12T06:00:00Z', false] // 07:00
	])('%s → %s', (instant, expected) => {
		expect(inQuietHours(quiet, new Date(instant))).toBe(expected);
	});
	it('a daytime window does not span midnight', () => {
		expect(
			inQuietHours(
				{ quietHours: { start: '12:00', end: '14:00' }, timeZone: 'Asia/Tokyo' },
				new Date('2027-01-12T04:00:00Z')
			)
		).toBe(true);
		expect(
			inQuietHours(
				{ quietHours: { start: '12:00', end: '14:00' }, timeZone: 'Asia/Tokyo' },
				new Date('2027-01-12T06:00:00Z')
			)
		).toBe(false);
	});
});

describe('toE164', () => {
	it.each([
		['06 12 34 56 78', '+33612345678'],
		['+33 6 12 34 56 78', '+33612345678'],
		['0033612345678', '+33612345678'],
		['+1 (212) 555-0100', '+12125550100'],
		['12345', null],
		['06 12', null],
		[null, null]
	])('%s → %s', (input, expected) => {
		expect(toE164(input)).toBe(expected);
	});
});
