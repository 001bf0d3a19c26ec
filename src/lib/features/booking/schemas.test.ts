import { describe, expect, it } from 'vitest';
import { type z } from 'zod';
import {
	AvailabilityBodySchema,
	AvailabilityQuerySchema
} from '$lib/features/availability/schemas';
import { BookSessionSchema } from '$lib/features/booking/schemas';
import { FeedbackSchema, SessionListQuerySchema } from '$lib/features/sessions/schemas';

const COACH = '00000000-0000-4000-8000-000000000011';
const STUDENT = '00000000-0000-4000-8000-000000000031';

/** The paths zod reports, for sentence-like asserts. */
function failingPaths(schema: z.ZodType, input: unknown): string[] {
	const result = schema.safeParse(input);
	return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

const booking = {
	coachId: COACH,
	studentId: STUDENT,
	subject: 'MATHEMATIQUES',
	scheduledDate: '2026-12-15',
	startTime: '14:00',
	endTime: '15:00',
	duration: 60,
	title: 'Révision des équations',
	creditsToUse: 1
};

describe('BookSessionSchema', () => {
	it('accepts the spec example and fills the defaults', () => {
		expect(BookSessionSchema.parse(booking)).toMatchObject({
			type: 'INDIVIDUAL',
			modality: 'ONLINE'
		});
	});

	it('requires endTime − startTime to equal the duration, 24:00 included', () => {
		expect(failingPaths(BookSessionSchema, { ...booking, endTime: '15:30' })).toEqual(['endTime']);
		const lateEvening = { ...booking, startTime: '23:00', endTime: '24:00' };
		expect(failingPaths(BookSessionSchema, lateEvening)).toEqual([]);
	});

	it('reports each malformed field and any unknown key', () => {
		const paths = failingPaths(BookSessionSchema, {
			...booking,
			scheduledDate: '2026-02-30',
			startTime: '24:00',
			duration: 45,
			extra: 1
		});
		expect(paths).toEqual(expect.arrayContaining(['scheduledDate', 'startTime', 'duration', '']));
	});
});

describe('AvailabilityBodySchema', () => {
	it('defaults isAvailable to true', () => {
		const body = AvailabilityBodySchema.parse({
			type: 'specific',
			specificDate: '2026-12-24',
			slots: [{ startTime: '09:00', endTime: '10:00' }]
		});
		expect(body.type === 'specific' && body.slots[0]?.isAvailable).toBe(true);
	});

	it('reports inverted and too-short slots at their index, and repeated weekdays', () => {
		const paths = failingPaths(AvailabilityBodySchema, {
			type: 'weekly',
			schedule: [
				{ dayOfWeek: 1, slots: [{ startTime: '10:00', endTime: '09:00' }] },
				{ dayOfWeek: 1, slots: [{ startTime: '10:00', endTime: '10:15' }] }
			]
		});
		expect(paths).toEqual(
			expect.arrayContaining(['schedule.0.slots.0', 'schedule.1.slots.0', 'schedule'])
		);
	});

	it('leaves overlaps to the service (a 422, like the database)', () => {
		const overlapping = {
			type: 'specific',
			specificDate: '2026-12-24',
			slots: [
				{ startTime: '09:00', endTime: '11:00' },
				{ startTime: '10:00', endTime: '12:00' }
			]
		};
		expect(failingPaths(AvailabilityBodySchema, overlapping)).toEqual([]);
	});
});

describe('AvailabilityQuerySchema', () => {
	it('coerces the duration, defaulting to 60, and caps the range at 62 days', () => {
		const q = { startDate: '2026-12-01', endDate: '2026-12-31' };
		expect(AvailabilityQuerySchema.parse(q).duration).toBe(60);
		expect(AvailabilityQuerySchema.parse({ ...q, duration: '90' }).duration).toBe(90);
		expect(failingPaths(AvailabilityQuerySchema, { ...q, duration: '75' })).toEqual(['duration']);
		expect(failingPaths(AvailabilityQuerySchema, { ...q, endDate: '2027-01-31' })).toEqual([]);
		expect(failingPaths(AvailabilityQuerySchema, { ...q, endDate: '2027-02-01' })).toEqual([
			'endDate'
		]);
	});
});

describe('SessionListQuerySchema and FeedbackSchema', () => {
	it('splits a comma list of statuses and rejects unknown ones', () => {
		expect(SessionListQuerySchema.parse({ status: 'scheduled, CONFIRMED' }).status).toEqual([
			'SCHEDULED',
			'CONFIRMED'
		]);
		expect(failingPaths(SessionListQuerySchema, { status: 'SCHEDULED,DONE' })).toEqual([
			'status.1'
		]);
	});

	it('takes either a rating or notes, never both or neither', () => {
		expect(failingPaths(FeedbackSchema, { rating: 5, feedback: 'Top' })).toEqual([]);
		expect(failingPaths(FeedbackSchema, { notes: 'Chapitre 3' })).toEqual([]);
		expect(failingPaths(FeedbackSchema, { rating: 5, notes: 'x' })).toEqual(['notes']);
		expect(failingPaths(FeedbackSchema, { feedback: 'x' })).toEqual(['rating']);
	});
});
