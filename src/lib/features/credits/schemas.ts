/** Requests of the credits API. */
import { z } from 'zod';
import { trimmed, UuidSchema } from '$lib/core/schemas';

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

export const CreditsQuerySchema = z.strictObject({ studentId: UuidSchema.optional() });
