import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Sql } from 'postgres';
import type { ServerEnv } from '../config/env';
import { startDevSmtpServer } from './dev-smtp';
import { smtpSender } from './email';
import { generateVapidKeys, webPushSender, type VapidKeys } from './push';
import { devMailboxSms, twilioSender } from './sms';
import type { Channels } from './types';

export type { Channels } from './types';

export interface ChannelsReport {
	email: string;
	sms: 'twilio' | 'dev-mailbox';
	push: 'env' | 'generated';
}

/**
 * The channels, chosen once from the environment: SMTP_URL → that server, in any mode, else
 * an SMTP server started in-process (mail lands in the dev mailbox); TWILIO_* → Twilio, else
 * SMS recorded in the dev mailbox; VAPID_* → those keys, else keys generated into the data
 * directory (kept across restarts, so subscriptions stay valid).
 */
export async function openChannels(
	env: ServerEnv,
	sql: Sql
): Promise<{ channels: Channels; report: ChannelsReport }> {
	const devSmtp = env.SMTP_URL ? null : await startDevSmtpServer(sql);
	const mailer = smtpSender(env.SMTP_URL ?? devSmtp!.url, env.MAIL_FROM);
	const twilio =
		env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
			? twilioSender({
					accountSid: env.TWILIO_ACCOUNT_SID,
					authToken: env.TWILIO_AUTH_TOKEN,
					from: env.TWILIO_FROM,
					apiBase: env.TWILIO_API_BASE
				})
			: null;
	const vapid = await vapidKeys(env);
	const push = webPushSender(vapid.keys);
	return {
		channels: {
			email: (m) => mailer.send(m),
			sms: twilio ?? devMailboxSms(sql),
			push,
			vapidPublicKey: vapid.keys.publicKey,
			async close() {
				mailer.close();
				await devSmtp?.close();
			}
		},
		report: {
			email: env.SMTP_URL ? new URL(env.SMTP_URL).host : `in-process ${devSmtp!.url}`,
			sms: twilio ? 'twilio' : 'dev-mailbox',
			push: vapid.source
		}
	};
}

async function vapidKeys(
	env: ServerEnv
): Promise<{ keys: VapidKeys; source: 'env' | 'generated' }> {
	if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
		return {
			keys: {
				publicKey: env.VAPID_PUBLIC_KEY,
				privateKey: env.VAPID_PRIVATE_KEY,
				subject: env.VAPID_SUBJECT
			},
			source: 'env'
		};
	const file = path.join(env.NEXUS_DATA_DIR, 'vapid.json');
	if (existsSync(file)) {
		const stored = JSON.parse(await readFile(file, 'utf8')) as {
			publicKey: string;
			privateKey: string;
		};
		return { keys: { ...stored, subject: env.VAPID_SUBJECT }, source: 'generated' };
	}
	const generated = generateVapidKeys();
	await mkdir(env.NEXUS_DATA_DIR, { recursive: true });
	await writeFile(file, JSON.stringify(generated), { mode: 0o600 });
	return { keys: { ...generated, subject: env.VAPID_SUBJECT }, source: 'generated' };
}
