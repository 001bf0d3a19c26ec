import { z } from 'zod';
import { SESSION_STATUSES } from '$lib/core/enums';
import { trimmed } from '$lib/core/schemas';
import { isValidIsoDate } from '$lib/core/time/wall-clock';

/** The board's filters, from the URL (`/assistant?coach=…&from=…`): anything malformed is dropped. */
export const BoardFiltersSchema = z.object({
	from: z.string().refine(isValidIsoDate).optional().catch(undefined),
	days: z.coerce.number().int().min(1).max(31).catch(7),
	coach: z.uuid().optional().catch(undefined),
	subject: z
		.string()
		.regex(/^[A-Z_]{2,40}$/)
		.optional()
		.catch(undefined),
	status: z.enum(SESSION_STATUSES).optional().catch(undefined),
	family: z
		.string()
		.trim()
		.max(80)
		// Names only: letters, spaces, apostrophes and hyphens (no control characters).
		.regex(/^[\p{L}\p{M} '’-]*$/u)
		.optional()
		.catch(undefined),
	page: z.coerce.number().int().min(1).max(1000).catch(1)
});
export type BoardFilters = z.infer<typeof BoardFiltersSchema>;

export const StaffNoteSchema = z.strictObject({
	body: trimmed(2000, 'Note', { multiline: true })
});
