import { describe, expect, it } from 'vitest';
import { linkFor } from './dispatch.server';
import { renderMessage, type SessionFacts } from './messages';

const links = { origin: 'https://sessions.example.org' };
const session = { id: 'session-1', studentId: 'child-2' };

describe('where a notification leads', () => {
	it("names the child in a parent's link, and only there", () => {
		expect(linkFor(links, 'SESSION_REMINDER', 'parent', session)).toBe(
			'https://sessions.example.org/sessions?child=child-2#session-session-1'
		);
		expect(linkFor(links, 'FEEDBACK_REQUESTED', 'parent', session)).toBe(
			'https://sessions.example.org/sessions?child=child-2&rate=session-1#session-session-1'
		);
		expect(linkFor(links, 'SESSION_REMINDER', 'student', session)).toBe(
			'https://sessions.example.org/sessions#session-session-1'
		);
		expect(linkFor(links, 'SESSION_BOOKED', 'coach', session)).toBe(
			'https://sessions.example.org/coach'
		);
		expect(linkFor(links, 'CREDITS_GRANTED', 'parent', { studentId: 'child-2' })).toBe(
			'https://sessions.example.org/credits?child=child-2'
		);
		expect(linkFor(links, 'CREDITS_GRANTED', 'student', { studentId: 'child-2' })).toBe(
			'https://sessions.example.org/credits'
		);
	});
});

const facts: SessionFacts = {
	id: 'session-1',
	title: 'Équations',
	subject: { nameFr: 'Mathématiques', nameEn: 'Maths' },
	studentId: 'child-2',
	studentName: 'Emma',
	coachName: 'Sophie Bernard',
	startsAt: new Date('2026-12-09T16:00:00Z'),
	endsAt: new Date('2026-12-09T17:00:00Z'),
	modality: 'ONLINE',
	meetingUrl: null,
	location: null
};
const render = (over: Partial<Parameters<typeof renderMessage>[0]>) =>
	renderMessage({
		type: 'SESSION_CONFIRMED',
		locale: 'fr',
		timeZone: 'Europe/Paris',
		session: facts,
		data: {},
		link: 'https://x/sessions',
		preferencesLink: 'https://x/notifications/preferences',
		...over
	});

describe('what a notification says', () => {
	it('names the child whose session it is, in French typography and in English', () => {
		expect(render({}).text).toContain(
			'Sophie Bernard a confirmé la séance « Équations » d’Emma, le mercredi 9 décembre 2026'
		);
		expect(render({ locale: 'en' }).text).toContain(
			'Sophie Bernard confirmed Emma’s session “Équations” on Wednesday, 9 December 2026'
		);
		expect(render({ locale: 'en' }).text).toContain('Open in Nexus Sessions: https://x/sessions');
		expect(render({}).text).toContain('Ouvrir dans Nexus Sessions\u00a0: https://x/sessions');
		expect(render({ type: 'FEEDBACK_REQUESTED' }).text).toContain(
			'La séance « Équations » d’Emma avec Sophie Bernard, le mercredi'
		);
	});

	it('counts credits in words, never "crédit(s)"', () => {
		const cancelled = render({ type: 'SESSION_CANCELLED', data: { refunded: 1 } }).text;
		expect(cancelled).toContain('est annulée. Remboursement : 1 crédit.');
		const granted = render({
			type: 'CREDITS_GRANTED',
			session: null,
			data: { amount: 3, balance: 5, studentName: 'Emma' }
		}).text;
		expect(granted).toContain(
			'Crédits ajoutés au compte d’Emma : 3 crédits. Nouveau solde : 5 crédits.'
		);
		expect(
			render({
				type: 'CREDITS_GRANTED',
				locale: 'en',
				session: null,
				data: { amount: 1, balance: 1, studentName: 'Emma' }
			}).text
		).toContain('Credits added to Emma’s account: 1 credit. New balance: 1 credit.');
		const declined = render({
			type: 'CREDIT_REQUEST_DECLINED',
			session: null,
			data: { amount: 1, studentName: 'Emma', note: 'Passez par la boutique' }
		}).text;
		expect(declined).toContain(
			'Votre demande de 1 crédit pour le compte d’Emma a été refusée : Passez par la boutique'
		);
		expect(cancelled + granted + declined).not.toMatch(/\(s\)/);
	});
});
