import { z } from 'zod';
import { NOTIFICATION_TYPES } from '$lib/core/enums';
import { TUNABLE_METHODS, TUNABLE_TYPES } from './routing';

export const MarkReadSchema = z.strictObject({
	/** Without ids: every notification shown. */
	ids: z.array(z.uuid()).min(1).max(200).optional()
});

const time = z
	.string()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'notifications.prefs.quietInvalid' })
	.nullable();

export const PreferencesSchema = z
	.strictObject({
		/** Every tunable TYPE:METHOD with its choice. */
		choices: z.record(z.string().regex(/^[A-Z_]+:(EMAIL|SMS|PUSH)$/), z.boolean()),
		quietHours: z.strictObject({ start: time, end: time })
	})
	.refine(
		(v) =>
			(v.quietHours.start === null) === (v.quietHours.end === null) &&
			(v.quietHours.start === null || v.quietHours.start !== v.quietHours.end),
		{ path: ['quietHours'], error: 'notifications.prefs.quietInvalid' }
	)
	.refine(
		(v) =>
			Object.keys(v.choices).every((k) => {
				const [type, method] = k.split(':');
				return (
					(TUNABLE_TYPES as readonly string[]).includes(type!) &&
					NOTIFICATION_TYPES.includes(type as never) &&
					(TUNABLE_METHODS as readonly string[]).includes(method!)
				);
			}),
		{ path: ['choices'], error: 'notifications.prefs.type' }
	);
export type PreferencesInput = z.infer<typeof PreferencesSchema>;
