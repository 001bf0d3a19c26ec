import { z } from 'zod';
import { NOTIFICATION_TYPES } from '$lib/core/enums';
import { plainText } from '$lib/core/schemas';
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

/** Bytes of an unpadded base64url string, or null when it is not one. */
function base64urlBytes(value: string): Uint8Array | null {
	if (!/^[A-Za-z0-9_-]+$/.test(value) || value.length % 4 === 1) return null;
	const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const endpoint = plainText('endpoint')
	.max(2048, { error: 'endpoint must be at most 2048 characters' })
	.refine(
		(value) => {
			try {
				const url = new URL(value);
				return url.protocol === 'https:' && url.hostname.length > 0 && !url.username;
			} catch {
				return false;
			}
		},
		{ error: 'endpoint must be an https URL' }
	);

/** `PushSubscription.toJSON()` as the browser gives it. */
export const PushSubscriptionSchema = z.strictObject({
	endpoint,
	expirationTime: z.number().nullable().optional(),
	keys: z.strictObject({
		// The browser's P-256 public key: 65 bytes, uncompressed (0x04 …).
		p256dh: plainText('keys.p256dh').refine(
			(v) => {
				const bytes = base64urlBytes(v);
				return bytes?.length === 65 && bytes[0] === 4;
			},
			{ error: 'keys.p256dh must be a base64url P-256 public key' }
		),
		// The shared authentication secret: 16 bytes.
		auth: plainText('keys.auth').refine((v) => base64urlBytes(v)?.length === 16, {
			error: 'keys.auth must be 16 bytes, base64url'
		})
	})
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionSchema>;

export const PushUnsubscribeSchema = z.strictObject({ endpoint });
