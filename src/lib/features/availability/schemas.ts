/** Requests of the availability API: weekly pattern, date overrides, free-slot queries. */
import { z } from 'zod';
import {
	EndTimeSchema,
	IsoDateSchema,
	rangeDays,
	StartTimeSchema,
	UuidSchema,
	DurationParamSchema
} from '$lib/core/schemas';
import { validateDaySlots } from './rules';

/** Longest range one availability query may cover: about two months of calendar. */
export const MAX_RANGE_DAYS = 62;

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
	/** A bulk tool (copy a day, the default pattern, clear) made this change: usage analytics. */
	bulk: z.boolean().optional(),
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
		bulk: z.boolean().optional(),
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
		duration: DurationParamSchema.default(60)
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
