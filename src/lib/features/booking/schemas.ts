/**
 * The booking request (`POST /api/sessions/book` and the wizard's confirm step), and the limits
 * of what a family may type or choose: the one source for the API, the wizard's URL state, its
 * inputs' `maxlength` and its duration picker.
 */
import { z } from 'zod';
import { SESSION_MODALITIES, SESSION_TYPES } from '$lib/core/enums';
import {
	DurationSchema,
	EndTimeSchema,
	IsoDateSchema,
	optionalText,
	plainText,
	StartTimeSchema,
	SubjectCodeSchema,
	trimmed,
	UuidSchema
} from '$lib/core/schemas';
import { wallMinutesBetween } from '$lib/core/time/instants';
import { DESCRIPTION_MAX, TITLE_MAX } from './limits';
import { StaffReasonSchema } from '$lib/features/sessions/schemas';

export { DESCRIPTION_MAX, DURATIONS, TITLE_MAX } from './limits';

export const TitleSchema = trimmed(TITLE_MAX, 'The title');
export const DescriptionSchema = optionalText(DESCRIPTION_MAX, 'The description', {
	multiline: true
});

export const IdempotencyKeySchema = plainText('The idempotency key')
	.min(8, { error: 'Must be 8 to 200 characters' })
	.max(200, { error: 'Must be 8 to 200 characters' });

const BOOKING_FIELDS = {
	coachId: UuidSchema,
	studentId: UuidSchema,
	subject: SubjectCodeSchema,
	scheduledDate: IsoDateSchema,
	startTime: StartTimeSchema,
	endTime: EndTimeSchema,
	duration: DurationSchema,
	title: TitleSchema,
	creditsToUse: z
		.number({ error: 'Must be a number of credits' })
		.int({ error: 'Must be a whole number of credits' })
		.min(0, { error: 'Must not be negative' })
		.max(100, { error: 'Must be at most 100' }),
	type: z.enum(SESSION_TYPES, { error: 'Must be INDIVIDUAL or GROUP' }).default('INDIVIDUAL'),
	modality: z.enum(SESSION_MODALITIES, { error: 'Must be ONLINE or IN_PERSON' }).default('ONLINE'),
	description: DescriptionSchema,
	idempotencyKey: IdempotencyKeySchema.optional()
};

/** Compared in wall-clock minutes: the session must fill exactly startTime–endTime. */
function fillsItsTimes(
	body: { startTime: string; endTime: string; duration: number },
	ctx: z.RefinementCtx
) {
	const length = wallMinutesBetween(body.startTime, body.endTime);
	if (length !== null && length !== body.duration) {
		const message = `endTime − startTime is ${length} minutes but duration is ${body.duration}`;
		ctx.addIssue({ code: 'custom', message, path: ['endTime'] });
	}
}

export const BookSessionSchema = z.strictObject(BOOKING_FIELDS).superRefine(fillsItsTimes);
export type BookSessionBody = z.infer<typeof BookSessionSchema>;

/** Staff booking for a family (`POST /api/staff/sessions/book`): the same request, and why. */
export const StaffBookSchema = z
	.strictObject({ ...BOOKING_FIELDS, reason: StaffReasonSchema })
	.superRefine(fillsItsTimes);
export type StaffBookBody = z.infer<typeof StaffBookSchema>;
