import { describe, expect, it } from 'vitest';
import { currentStep, DetailsSchema, parseWizardParams, wizardHref } from './wizard';
import { BookSessionSchema, DESCRIPTION_MAX, DURATIONS } from './schemas';

const COACH = '00000000-0000-4000-8000-000000000011';
const CHILD = '00000000-0000-4000-8000-000000000031';
const SLOT = '2026-12-01T16:00:00.000Z';
const params = (query: string) => parseWizardParams(new URLSearchParams(query));

describe('parseWizardParams', () => {
	it('applies the defaults', () => {
		expect(params('')).toMatchObject({ duration: 60, type: 'INDIVIDUAL', modality: 'ONLINE' });
	});

	it('drops tampered values instead of failing', () => {
		const state = params(`subject=maths;drop&coach=nope&duration=45&slot=tomorrow&type=VIP`);
		expect(state).toMatchObject({
			subject: undefined,
			coach: undefined,
			duration: 60,
			slot: undefined,
			type: 'INDIVIDUAL'
		});
	});
});

describe('currentStep', () => {
	it('stops at the first missing answer', () => {
		expect(currentStep(params(''), false)).toBe('subject');
		expect(currentStep(params('subject=MATHEMATIQUES'), false)).toBe('coach');
		expect(currentStep(params(`subject=MATHEMATIQUES&coach=${COACH}`), false)).toBe('slot');
		const chosen = `subject=MATHEMATIQUES&coach=${COACH}&slot=${SLOT}`;
		expect(currentStep(params(chosen), false)).toBe('details');
		expect(currentStep(params(`${chosen}&step=confirm`), false)).toBe('details');
		expect(currentStep(params(`${chosen}&step=confirm`), true)).toBe('confirm');
	});
});

describe('wizardHref', () => {
	const full = params(
		`subject=MATHEMATIQUES&coach=${COACH}&slot=${SLOT}&duration=90&student=${CHILD}` +
			`&modality=IN_PERSON&title=Fonctions&step=confirm`
	);

	it('forgets the coach and slot when going back to the subject', () => {
		expect(wizardHref(full, 'coach')).toBe(`/book?subject=MATHEMATIQUES&student=${CHILD}`);
		expect(wizardHref(full, 'subject')).toBe(`/book?student=${CHILD}`);
	});

	it('keeps the details when changing the slot', () => {
		const href = new URL(wizardHref(full, 'slot'), 'http://x');
		expect(href.searchParams.get('slot')).toBeNull();
		expect(href.searchParams.get('title')).toBe('Fonctions');
		expect(href.searchParams.get('duration')).toBe('90');
	});

	it('points the confirm step at another slot, leaving defaults out of the URL', () => {
		const other = '2026-12-01T17:00:00.000Z';
		const href = new URL(wizardHref(full, 'confirm', { slot: other, duration: 60 }), 'http://x');
		expect(href.searchParams.get('slot')).toBe(other);
		expect(href.searchParams.get('step')).toBe('confirm');
		expect(href.searchParams.has('duration')).toBe(false);
	});
});

describe('DetailsSchema', () => {
	it('requires a title and a student, and trims an empty description away', () => {
		expect(DetailsSchema.safeParse({ type: 'INDIVIDUAL', modality: 'ONLINE' }).success).toBe(false);
		const ok = DetailsSchema.parse({
			student: CHILD,
			type: 'INDIVIDUAL',
			modality: 'ONLINE',
			title: '  Fonctions ',
			description: '  '
		});
		expect(ok).toMatchObject({ title: 'Fonctions', description: undefined });
	});
});

describe('the wizard and POST /api/sessions/book', () => {
	const request = (duration: number, description?: string) => {
		const end = 8 * 60 + duration;
		const endTime = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
		return BookSessionSchema.safeParse({
			coachId: COACH,
			studentId: CHILD,
			subject: 'MATHEMATIQUES',
			scheduledDate: '2026-12-15',
			startTime: '08:00',
			endTime,
			duration,
			title: 'Suites',
			creditsToUse: 1,
			description
		}).success;
	};

	it('accept exactly the same durations, and the picker offers all of them', () => {
		for (let minutes = 15; minutes <= 300; minutes += 15) {
			const wizardKeeps = params(`duration=${minutes}`).duration === minutes;
			expect(wizardKeeps, `${minutes} min`).toBe(request(minutes));
			expect(DURATIONS.includes(minutes), `${minutes} min offered`).toBe(request(minutes));
		}
	});

	it('accept exactly the same descriptions', () => {
		const details = (description: string) =>
			DetailsSchema.safeParse({
				student: CHILD,
				type: 'INDIVIDUAL',
				modality: 'ONLINE',
				title: 'Suites',
				description
			}).success;
		for (const length of [DESCRIPTION_MAX - 1, DESCRIPTION_MAX, DESCRIPTION_MAX + 1, 4000]) {
			const description = 'é'.repeat(length);
			expect(details(description), `${length} characters`).toBe(request(60, description));
		}
		expect(details('é'.repeat(DESCRIPTION_MAX))).toBe(true);
		expect(details('é'.repeat(DESCRIPTION_MAX + 1))).toBe(false);
	});
});
