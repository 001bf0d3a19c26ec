/** Requests on existing sessions: list, status change, feedback, reschedule. */
import { z } from 'zod';
import { SESSION_STATUSES } from '$lib/core/enums';
import {
	IsoDateSchema,
	optionalText,
	rangeDays,
	StartTimeSchema,
	trimmed,
	UuidSchema
} from '$lib/core/schemas';

const StatusSchema = z.enum(SESSION_STATUSES, {
	error: `Must be one of ${SESSION_STATUSES.join(', ')}`
});

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
	notes: optionalText(1000, 'Notes', { multiline: true }),
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
		feedback: optionalText(4000, 'Feedback', { multiline: true }),
		notes: trimmed(4000, 'Notes', { multiline: true }).optional()
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
	reason: optionalText(1000, 'The reason', { multiline: true })
});
export type RescheduleBody = z.infer<typeof RescheduleSchema>;

/** Every staff action for a family says why (3 to 1000 characters, as `private.staff_reason`). */
export const StaffReasonSchema = trimmed(1000, 'The reason', { multiline: true }).min(3, {
	error: 'The reason must be at least 3 characters'
});

export const REFUND_DECISIONS = ['FULL', 'NONE', 'POLICY'] as const;
export type RefundDecision = (typeof REFUND_DECISIONS)[number];

export const StaffCancelSchema = z.strictObject({
	/** FULL: every credit back; NONE: nothing; POLICY: what the refund window gives. */
	refund: z.enum(REFUND_DECISIONS, { error: 'Must be FULL, NONE or POLICY' }),
	reason: StaffReasonSchema
});
export type StaffCancelBody = z.infer<typeof StaffCancelSchema>;

export const StaffRescheduleSchema = z.strictObject({
	scheduledDate: IsoDateSchema,
	startTime: StartTimeSchema,
	reason: StaffReasonSchema
});
export type StaffRescheduleBody = z.infer<typeof StaffRescheduleSchema>;

export const ReassignSchema = z.strictObject({ coachId: UuidSchema, reason: StaffReasonSchema });
export type ReassignBody = z.infer<typeof ReassignSchema>;
