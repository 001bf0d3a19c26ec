import type { Sql } from 'postgres';
import type { Sent, SmsMessage } from './types';
import { PermanentChannelError } from './types';

export interface TwilioConfig {
	accountSid: string;
	authToken: string;
	/** An E.164 number or a Messaging Service SID. */
	from: string;
	apiBase: string;
}

/**
 * Twilio's Messages API (POST /2010-04-01/Accounts/{Sid}/Messages.json, form-encoded, HTTP
 * basic auth), with Twilio's idempotency header so a retried delivery is one SMS.
 */
export function twilioSender(config: TwilioConfig) {
	const url = `${config.apiBase.replace(/\/$/, '')}/2010-04-01/Accounts/${config.accountSid}/Messages.json`;
	const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
	return async (message: SmsMessage): Promise<Sent> => {
		const form = new URLSearchParams({ To: message.to, Body: message.body });
		form.set(config.from.startsWith('MG') ? 'MessagingServiceSid' : 'From', config.from);
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				authorization,
				'content-type': 'application/x-www-form-urlencoded',
				'I-Twilio-Idempotency-Token': message.idempotencyKey
			},
			body: form,
			signal: AbortSignal.timeout(15_000)
		});
		const body = (await response.json().catch(() => ({}))) as {
			sid?: string;
			message?: string;
			code?: number;
		};
		if (response.ok) return { providerId: body.sid ?? null };
		const detail = `Twilio ${response.status}${body.code ? ` (${body.code})` : ''}: ${body.message ?? response.statusText}`;
		// 4xx other than 429 is a refusal of this message (bad number, unsubscribed…).
		if (response.status >= 400 && response.status < 500 && response.status !== 429)
			throw new PermanentChannelError(detail, 'rejected');
		throw new Error(detail);
	};
}

/** The embedded default's SMS: written to the dev mailbox instead of a phone. */
export const devMailboxSms =
	(sql: Sql) =>
	async (message: SmsMessage): Promise<Sent> => {
		const [row] = await sql<{ id: string }[]>`
			insert into public.dev_mailbox (kind, recipient, body, message_id)
			values ('SMS', ${message.to}, ${message.body}, ${message.idempotencyKey})
			returning id`;
		return { providerId: `dev-sms-${row!.id}` };
	};
