/**
 * zod schemas for every availability, booking, session and credit request: clear 400s before any
 * SQL runs. Bodies and query strings are strict, so a misspelt field is reported, not ignored.
 */
import { z } from 'zod';
import { validateDaySlots } from '$lib/features/availability/rules';
import {
	DURATION_MULTIPLE_MINUTES,
	MAX_DURATION_MINUTES,
	MIN_DURATION_MINUTES
} from '$lib/features/availability/slots';
import { MS_PER_DAY, parseIsoDate, parseWallTime } from '$lib/core/time/wall-clock';
import { SESSION_STATUSES } from '$lib/features/sessions/lifecycle';
import { SESSION_TYPES } from './pricing';
import { wallMinutesBetween } from '$lib/core/time/instants';

export const SESSION_MODALITIES = ['ONLINE', 'IN_PERSON'] as const;
/** Longest range one availability query may cover: about two months of calendar. */
export const MAX_RANGE_DAYS = 62;

// --- Primitives ------------------------------------------------------------------------------

export const UuidSchema = z.uuid({ error: 'Must be a UUID' });

export const IsoDateSchema = z
	.string({ error: 'Must be a date YYYY-MM-DD' })
	.refine((v) => parseIsoDate(v) !== null, { error: 'Must be a real date YYYY-MM-DD' });

export const StartTimeSchema = z
	.string({ error: 'Must be a time HH:MM' })
	.refine((v) => parseWallTime(v) !== null, { error: 'Must be a time HH:MM (00:00–23:59)' });

/** An end time may be 24:00 (a slot running to midnight). */
export const EndTimeSchema = z
	.string({ error: 'Must be a time HH:MM' })
	.refine((v) => parseWallTime(v, true) !== null, { error: 'Must be a time HH:MM (up to 24:00)' });

export const SubjectCodeSchema = z
	.string({ error: 'Must be a subject code' })
	.regex(/^[A-Z_]{2,40}$/, { error: 'Must be a subject code such as MATHEMATIQUES' });

export const DurationSchema = z
	.number({ error: 'Must be a number of minutes' })
	.int({ error: 'Must be a whole number of minutes' })
	.min(MIN_DURATION_MINUTES, { error: `Must be at least ${MIN_DURATION_MINUTES} minutes` })
	.max(MAX_DURATION_MINUTES, { error: `Must be at most ${MAX_DURATION_MINUTES} minutes` })
	.multipleOf(DURATION_MULTIPLE_MINUTES, {
		error: `Must be a multiple of ${DURATION_MULTIPLE_MINUTES} minutes`
	});

const StatusSchema = z.enum(SESSION_STATUSES, {
	error: `Must be one of ${SESSION_STATUSES.join(', ')}`
});

const trimmed = (max: number, what: string) =>
	z
		.string({ error: `${what} must be text` })
		.trim()
		.min(1, { error: `${what} must not be empty` })
		.max(max, { error: `${what} must be at most ${max} characters` });

const optionalText = (max: number, what: string) =>
	z
		.string({ error: `${what} must be text` })
		.trim()
		.max(max, { error: `${what} must be at most ${max} characters` })
		.optional();

// --- Availability ----------------------------------------------------------------------------

export const RuleSlotSchema = z.strictObject({
	startTime: StartTimeSchema,
	endTime: EndTimeSchema,
	isAvailable: z.boolean({ error: 'Must be true or false' }).default(true)
});

/** Per-slot problems (inverted, too short) as field errors; overlaps are a 422 (service). */
function checkDaySlots(slots: z.infer<typeof RuleSlotSchema>[], ctx: z.RefinementCtx) {
	for (const problem of validateDaySlots(slots)) {
		if (problem.code === 'OVERLAPPING_SLOTS') continue;
		ctx.addIssue({ code: 'custom', message: problem.message, path: ['slots', ...problem.indexes] });
	}
}

const DaySlotsSchema = z.array(RuleSlotSchema).max(24, { error: 'At most 24 slots per day' });

const WeeklyDaySchema = z
	.strictObject({
		dayOfWeek: z
			.number({ error: 'Must be 0 (Sunday) to 6 (Saturday)' })
			.int({ error: 'Must be 0 (Sunday) to 6 (Saturday)' })
			.min(0, { error: 'Must be 0 (Sunday) to 6 (Saturday)' })
			.max(6, { error: 'Must be 0 (Sunday) to 6 (Saturday)' }),
		slots: DaySlotsSchema
	})
	.superRefine((day, ctx) => checkDaySlots(day.slots, ctx));

export const WeeklyAvailabilitySchema = z.strictObject({
	type: z.literal('weekly'),
	coachId: UuidSchema.optional(),
	schedule: z
		.array(WeeklyDaySchema)
		.min(1, { error: 'Give at least one day' })
		.max(7, { error: 'At most one entry per weekday' })
		.refine((days) => new Set(days.map((d) => d.dayOfWeek)).size === days.length, {
			error: 'Each dayOfWeek may appear only once'
		})
});

export const SpecificAvailabilitySchema = z
	.strictObject({
		type: z.literal('specific'),
		coachId: UuidSchema.optional(),
		specificDate: IsoDateSchema,
		slots: DaySlotsSchema
	})
	.superRefine((day, ctx) => checkDaySlots(day.slots, ctx));

export const AvailabilityBodySchema = z.discriminatedUnion(
	'type',
	[WeeklyAvailabilitySchema, SpecificAvailabilitySchema],
	{ error: 'type must be "weekly" or "specific"' }
);
export type AvailabilityBody = z.infer<typeof AvailabilityBodySchema>;

/** Inclusive day count of a date range, or null when a date is invalid. */
function rangeDays(startDate: string, endDate: string): number | null {
	const from = parseIsoDate(startDate);
	const to = parseIsoDate(endDate);
	return from === null || to === null ? null : Math.round((to - from) / MS_PER_DAY) + 1;
}

/** `DELETE /api/coaches/availability?specificDate=…[&coachId=…]`: drop one date's override. */
export const AvailabilityOverrideQuerySchema = z.strictObject({
	coachId: UuidSchema.optional(),
	specificDate: IsoDateSchema
});

export const AvailabilityQuerySchema = z
	.strictObject({
		coachId: UuidSchema.optional(),
		startDate: IsoDateSchema,
		endDate: IsoDateSchema,
		duration: z.coerce
			.number({ error: 'Must be a number of minutes' })
			.pipe(DurationSchema)
			.default(60)
	})
	.superRefine((q, ctx) => {
		const days = rangeDays(q.startDate, q.endDate);
		if (days !== null && days < 1) {
			ctx.addIssue({ code: 'custom', message: 'Must not be before startDate', path: ['endDate'] });
		} else if (days !== null && days > MAX_RANGE_DAYS) {
			const message = `The range may cover at most ${MAX_RANGE_DAYS} days`;
			ctx.addIssue({ code: 'custom', message, path: ['endDate'] });
		}
	});
export type AvailabilityQuery = z.infer<typeof AvailabilityQuerySchema>;

export const CoachDirectoryQuerySchema = z.strictObject({ subject: SubjectCodeSchema });

// --- Booking ---------------------------------------------------------------------------------

export const IdempotencyKeySchema = z
	.string({ error: 'Must be text' })
	.min(8, { error: 'Must be 8 to 200 characters' })
	.max(200, { error: 'Must be 8 to 200 characters' });

export const BookSessionSchema = z
	.strictObject({
		coachId: UuidSchema,
		studentId: UuidSchema,
		subject: SubjectCodeSchema,
		scheduledDate: IsoDateSchema,
		startTime: StartTimeSchema,
		endTime: EndTimeSchema,
		duration: DurationSchema,
		title: trimmed(200, 'The title'),
		creditsToUse: z
			.number({ error: 'Must be a number of credits' })
			.int({ error: 'Must be a whole number of credits' })
			.min(0, { error: 'Must not be negative' })
			.max(100, { error: 'Must be at most 100' }),
		type: z.enum(SESSION_TYPES, { error: 'Must be INDIVIDUAL or GROUP' }).default('INDIVIDUAL'),
		modality: z
			.enum(SESSION_MODALITIES, { error: 'Must be ONLINE or IN_PERSON' })
			.default('ONLINE'),
		description: optionalText(4000, 'The description'),
		idempotencyKey: IdempotencyKeySchema.optional()
	})
	.superRefine((body, ctx) => {
		// Compared in wall-clock minutes: the session must fill exactly startTime–endTime.
		const length = wallMinutesBetween(body.startTime, body.endTime);
		if (length !== null && length !== body.duration) {
			const message = `endTime − startTime is ${length} minutes but duration is ${body.duration}`;
			ctx.addIssue({ code: 'custom', message, path: ['endTime'] });
		}
	});
export type BookSessionBody = z.infer<typeof BookSessionSchema>;

// --- Sessions --------------------------------------------------------------------------------

export const SessionIdSchema = z.strictObject({ id: UuidSchema });

export const SessionListQuerySchema = z
	.strictObject({
		userId: UuidSchema.optional(),
		/** One status or a comma list: `SCHEDULED,CONFIRMED`. */
		status: z
			.string()
			.transform((v) => v.split(',').map((s) => s.trim().toUpperCase()))
			.pipe(z.array(StatusSchema).min(1))
			.optional(),
		startDate: IsoDateSchema.optional(),
		endDate: IsoDateSchema.optional(),
		limit: z.coerce
			.number({ error: 'Must be a number' })
			.int({ error: 'Must be a whole number' })
			.min(1, { error: 'Must be 1 to 200' })
			.max(200, { error: 'Must be 1 to 200' })
			.default(50)
	})
	.superRefine((q, ctx) => {
		const days = q.startDate && q.endDate ? rangeDays(q.startDate, q.endDate) : null;
		if (days !== null && days < 1) {
			ctx.addIssue({ code: 'custom', message: 'Must not be before startDate', path: ['endDate'] });
		}
	});
export type SessionListQuery = z.infer<typeof SessionListQuerySchema>;

export const StatusChangeSchema = z.strictObject({
	status: StatusSchema,
	notes: optionalText(1000, 'Notes'),
	/** Staff only: force a full (true) or no (false) refund instead of the policy. */
	refund: z.boolean({ error: 'Must be true or false' }).optional()
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

/** Either a rating (with optional feedback) or notes: one request, one kind of write. */
export const FeedbackSchema = z
	.strictObject({
		rating: z
			.number({ error: 'Must be a whole number from 1 to 5' })
			.int({ error: 'Must be a whole number from 1 to 5' })
			.min(1, { error: 'Must be a whole number from 1 to 5' })
			.max(5, { error: 'Must be a whole number from 1 to 5' })
			.optional(),
		feedback: optionalText(4000, 'Feedback'),
		notes: trimmed(4000, 'Notes').optional()
	})
	.superRefine((body, ctx) => {
		if (body.notes !== undefined && (body.rating !== undefined || body.feedback !== undefined)) {
			ctx.addIssue({ code: 'custom', message: 'Send notes on their own', path: ['notes'] });
		} else if (body.notes === undefined && body.rating === undefined) {
			ctx.addIssue({ code: 'custom', message: 'Give a rating (1–5) or notes', path: ['rating'] });
		}
	});
export type FeedbackBody = z.infer<typeof FeedbackSchema>;

export const RescheduleSchema = z.strictObject({
	scheduledDate: IsoDateSchema,
	startTime: StartTimeSchema,
	reason: optionalText(1000, 'The reason')
});
export type RescheduleBody = z.infer<typeof RescheduleSchema>;

// --- Credits ---------------------------------------------------------------------------------

export const GrantCreditsSchema = z.strictObject({
	studentId: UuidSchema,
	amount: z
		.number({ error: 'Must be a number of credits' })
		.int({ error: 'Must be a whole number of credits' })
		.min(1, { error: 'Must be at least 1' })
		.max(1000, { error: 'Must be at most 1000' }),
	reason: trimmed(500, 'The reason').min(3, { error: 'The reason must be at least 3 characters' })
});
export type GrantCreditsBody = z.infer<typeof GrantCreditsSchema>;

export const CreditsQuerySchema = z.strictObject({ studentId: UuidSchema.optional() });
