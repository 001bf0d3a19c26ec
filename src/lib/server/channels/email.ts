import nodemailer from 'nodemailer';
import type { EmailMessage, Sent } from './types';
import { PermanentChannelError } from './types';

/** Mail over SMTP (`smtp://user:pass@host:port`, `smtps://…`) with nodemailer. */
export function smtpSender(smtpUrl: string, from: string) {
	const transport = nodemailer.createTransport(smtpUrl, {
		// A hung server must fail the attempt well before the job engine's expiry (30 s).
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 15_000
	});
	const domain = from.match(/@([^>\s]+)/)?.[1] ?? 'nexus-sessions.local';
	return {
		async send(message: EmailMessage): Promise<Sent> {
			try {
				const info = await transport.sendMail({
					from,
					to: message.to,
					subject: message.subject,
					text: message.text,
					html: message.html,
					messageId: `<${message.idempotencyKey}@${domain}>`,
					headers: { 'X-Nexus-Delivery': message.idempotencyKey },
					icalEvent: message.calendar
						? {
								method: message.calendar.method,
								filename: 'seance.ics',
								content: message.calendar.content
							}
						: undefined
				});
				return { providerId: info.messageId ?? null };
			} catch (error) {
				// 5xx SMTP replies are permanent (unknown mailbox…); the rest is worth a retry.
				const code = (error as { responseCode?: number }).responseCode;
				if (code && code >= 500 && code < 600)
					throw new PermanentChannelError(`SMTP ${code}: ${(error as Error).message}`, 'rejected');
				throw error;
			}
		},
		close: () => transport.close()
	};
}
