import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { PushMessage, Sent } from './types';
import { PermanentChannelError } from './types';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
	subject: string;
}

/** Web push (RFC 8291 aes128gcm payloads, VAPID) with web-push. */
export function webPushSender(keys: VapidKeys, options: { agent?: Agent } = {}) {
	return async (message: PushMessage): Promise<Sent> => {
		try {
			const result = await webpush.sendNotification(
				{
					endpoint: message.target.endpoint,
					keys: { p256dh: message.target.p256dh, auth: message.target.auth }
				},
				JSON.stringify(message.payload),
				{
					vapidDetails: keys,
					TTL: message.ttlSeconds,
					urgency: 'high',
					// Topic: a newer push for the same delivery replaces an undelivered one.
					topic: message.idempotencyKey.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32),
					contentEncoding: 'aes128gcm',
					timeout: 15_000,
					...(options.agent ? { agent: options.agent } : {})
				}
			);
			return { providerId: result.headers['location'] ?? null };
		} catch (error) {
			const status = (error as { statusCode?: number }).statusCode;
			if (status === 404 || status === 410)
				throw new PermanentChannelError(`push subscription gone (${status})`, 'gone');
			if (status && status >= 400 && status < 500 && status !== 429)
				throw new PermanentChannelError(`push refused (${status})`, 'rejected');
			throw error;
		}
	};
}

export const generateVapidKeys = () => webpush.generateVAPIDKeys();
