/**
 * The wizard's links, without zod: the booking page's components build them in the browser, and
 * the schemas (wizard.ts, schemas.ts) would bring zod into the page's JavaScript (~13 kB gzipped).
 */
export const WIZARD_STEPS = ['subject', 'coach', 'slot', 'details', 'confirm'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const DEFAULT_DURATION = 60;

/** The wizard's answers as they travel in the URL (wizard.ts checks they are WizardParams' keys). */
export type WizardKey =
	| 'subject'
	| 'coach'
	| 'duration'
	| 'slot'
	| 'page'
	| 'student'
	| 'type'
	| 'modality'
	| 'title'
	| 'description'
	| 'step';
type Answers = Partial<Record<WizardKey, string | number | undefined>>;

const DETAILS: WizardKey[] = ['type', 'modality', 'title', 'description'];
const KEEP: Record<WizardStep, WizardKey[]> = {
	subject: ['student'],
	coach: ['subject', 'student'],
	slot: ['subject', 'coach', 'duration', 'page', 'student', ...DETAILS],
	details: ['subject', 'coach', 'duration', 'slot', 'page', 'student', ...DETAILS],
	confirm: ['subject', 'coach', 'duration', 'slot', 'page', 'student', ...DETAILS, 'step']
};
const DEFAULTS: Answers = {
	duration: DEFAULT_DURATION,
	page: 0,
	type: 'INDIVIDUAL',
	modality: 'ONLINE'
};

/**
 * The URL of `step`, keeping the answers that still hold there: changing the
 * subject forgets the coach and slot; changing the slot keeps the details.
 */
export function wizardHref(state: Answers, step: WizardStep, overrides: Answers = {}): string {
	const merged: Answers = { ...state, ...overrides };
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
