import { z } from 'zod';
import { DurationParamSchema, plainText, SubjectCodeSchema, UuidSchema } from '$lib/core/schemas';
import { SESSION_MODALITIES, SESSION_TYPES } from '$lib/core/enums';
import { DescriptionSchema, DESCRIPTION_MAX, TitleSchema, TITLE_MAX } from './schemas';
import { DEFAULT_DURATION, type WizardKey, type WizardStep } from './wizard-links';

/**
 * The booking wizard keeps all its state in the URL (search params), so the
 * back button, a reload or a shared link always land on the same step. Bad or
 * tampered values are dropped, never trusted: the wizard then simply falls
 * back to the earliest step that is missing a valid answer.
 */
export { DEFAULT_DURATION, WIZARD_STEPS, wizardHref, type WizardStep } from './wizard-links';

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const SessionTypeSchema = z.enum(SESSION_TYPES);
const ModalitySchema = z.enum(SESSION_MODALITIES);
/** A slot is named by its start instant (ISO 8601, with an offset or Z). */
export const SlotStartSchema = z.iso.datetime({ offset: true });

export const WizardParamsSchema = z.object({
	subject: optional(SubjectCodeSchema),
	coach: optional(UuidSchema),
	duration: DurationParamSchema.catch(DEFAULT_DURATION).default(DEFAULT_DURATION),
	slot: optional(SlotStartSchema),
	/** Which page of the horizon the slot step shows (slot-pages.ts); out of range → clamped. */
	page: z.coerce.number().int().min(0).max(99).catch(0).default(0),
	student: optional(UuidSchema),
	type: SessionTypeSchema.catch('INDIVIDUAL').default('INDIVIDUAL'),
	modality: ModalitySchema.catch('ONLINE').default('ONLINE'),
	title: optional(plainText('The title').max(TITLE_MAX * 2)),
	description: optional(plainText('The description', { multiline: true }).max(DESCRIPTION_MAX * 2)),
	step: optional(z.literal('confirm'))
});
export type WizardParams = z.infer<typeof WizardParamsSchema>;

/** What the details step must hold before the confirm step may show. */
export const DetailsSchema = z.object({
	student: UuidSchema,
	type: SessionTypeSchema,
	modality: ModalitySchema,
	title: TitleSchema,
	description: DescriptionSchema.transform((d) => d || undefined)
});
export type Details = z.infer<typeof DetailsSchema>;

export function parseWizardParams(params: URLSearchParams): WizardParams {
	return WizardParamsSchema.parse(Object.fromEntries(params));
}

/** The step the URL asks for, capped by the first unanswered one. */
export function currentStep(state: WizardParams, detailsValid: boolean): WizardStep {
	if (!state.subject) return 'subject';
	if (!state.coach) return 'coach';
	if (!state.slot) return 'slot';
	if (state.step !== 'confirm' || !detailsValid) return 'details';
	return 'confirm';
}

// wizardHref's keys are exactly the wizard's answers.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameKeys: Same<keyof WizardParams, WizardKey> = true;
void _sameKeys;

/** A subject as the pickers list it. */
export interface SubjectOption {
	code: string;
	nameFr: string;
	nameEn: string;
	/** Some coach teaches it: a subject without one is shown, but cannot be chosen. */
	taught: boolean;
}
