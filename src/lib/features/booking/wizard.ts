import { z } from 'zod';
import { DurationParamSchema, plainText, SubjectCodeSchema, UuidSchema } from '$lib/core/schemas';
import { SESSION_MODALITIES, SESSION_TYPES } from '$lib/core/enums';
import { DescriptionSchema, DESCRIPTION_MAX, TitleSchema, TITLE_MAX } from './schemas';

/**
 * The booking wizard keeps all its state in the URL (search params), so the
 * back button, a reload or a shared link always land on the same step. Bad or
 * tampered values are dropped, never trusted: the wizard then simply falls
 * back to the earliest step that is missing a valid answer.
 */
export const WIZARD_STEPS = ['subject', 'coach', 'slot', 'details', 'confirm'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const DEFAULT_DURATION = 60;

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

const DETAILS: (keyof WizardParams)[] = ['type', 'modality', 'title', 'description'];
const KEEP: Record<WizardStep, (keyof WizardParams)[]> = {
	subject: ['student'],
	coach: ['subject', 'student'],
	slot: ['subject', 'coach', 'duration', 'student', ...DETAILS],
	details: ['subject', 'coach', 'duration', 'slot', 'student', ...DETAILS],
	confirm: ['subject', 'coach', 'duration', 'slot', 'student', ...DETAILS, 'step']
};
const DEFAULTS: Partial<WizardParams> = {
	duration: DEFAULT_DURATION,
	type: 'INDIVIDUAL',
	modality: 'ONLINE'
};

/**
 * The URL of `step`, keeping the answers that still hold there: changing the
 * subject forgets the coach and slot; changing the slot keeps the details.
 */
export function wizardHref(
	state: Partial<WizardParams>,
	step: WizardStep,
	overrides: Partial<WizardParams> = {}
): string {
	const merged: Partial<WizardParams> = { ...state, ...overrides };
	if (step === 'confirm') merged.step = 'confirm';
	const params = new URLSearchParams();
	for (const key of KEEP[step]) {
		const value = merged[key];
		if (value === undefined || value === '' || value === DEFAULTS[key]) continue;
		params.set(key, String(value));
	}
	const query = params.toString();
	return query ? `/book?${query}` : '/book';
}

/** A subject as the pickers list it. */
export interface SubjectOption {
	code: string;
	nameFr: string;
	nameEn: string;
}
