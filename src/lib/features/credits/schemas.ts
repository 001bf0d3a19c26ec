/** Requests of the credits API. */
import { z } from 'zod';
import { optionalText, trimmed, UuidSchema } from '$lib/core/schemas';

export const GrantCreditsSchema = z.strictObject({
	studentId: UuidSchema,
	amount: z
		.number({ error: 'Must be a number of credits' })
		.int({ error: 'Must be a whole number of credits' })
		.min(1, { error: 'Must be at least 1' })
		.max(1000, { error: 'Must be at most 1000' }),
	reason: trimmed(500, 'The reason', { multiline: true }).min(3, {
		error: 'The reason must be at least 3 characters'
	})
});
export type GrantCreditsBody = z.infer<typeof GrantCreditsSchema>;

/** The same grant from the staff's form, whose amount arrives as text. */
export const GrantCreditsFormSchema = GrantCreditsSchema.extend({
	amount: z.coerce
		.number({ error: 'Must be a number of credits' })
		.int({ error: 'Must be a whole number of credits' })
		.min(1, { error: 'Must be at least 1' })
		.max(1000, { error: 'Must be at most 1000' })
});

export const CreditsQuerySchema = z.strictObject({ studentId: UuidSchema.optional() });

/** A family's request for credits (`POST /api/credits/requests`, the `/credits` form). */
export const RequestCreditsSchema = z.strictObject({
	studentId: UuidSchema,
	amount: z.coerce
		.number({ error: 'Must be a number of credits' })
		.int({ error: 'Must be a whole number of credits' })
		.min(1, { error: 'Must be at least 1' })
		.max(100, { error: 'Must be at most 100' }),
	message: optionalText(500, 'The message', { multiline: true })
});
export type RequestCreditsBody = z.infer<typeof RequestCreditsSchema>;

export const CREDIT_REQUEST_DECISIONS = ['GRANT', 'DECLINE'] as const;

/** Staff's answer: GRANT (the amount asked unless `amount`), or DECLINE with a note the family reads. */
export const DecideCreditRequestSchema = z
	.strictObject({
		decision: z.enum(CREDIT_REQUEST_DECISIONS, { error: 'Must be GRANT or DECLINE' }),
		amount: z.coerce
			.number({ error: 'Must be a number of credits' })
			.int({ error: 'Must be a whole number of credits' })
			.min(1, { error: 'Must be at least 1' })
			.max(1000, { error: 'Must be at most 1000' })
			.optional(),
		note: optionalText(500, 'The note', { multiline: true })
	})
	.superRefine((body, ctx) => {
		if (body.decision === 'DECLINE' && (body.note ?? '').length < 3) {
			ctx.addIssue({
				code: 'custom',
				message: 'Say why the request is declined (at least 3 characters)',
				path: ['note']
			});
		}
		if (body.decision === 'DECLINE' && body.amount !== undefined) {
			ctx.addIssue({ code: 'custom', message: 'Only a grant has an amount', path: ['amount'] });
		}
	});
export type DecideCreditRequestBody = z.infer<typeof DecideCreditRequestSchema>;

export const CreditRequestIdSchema = z.strictObject({ id: UuidSchema });
