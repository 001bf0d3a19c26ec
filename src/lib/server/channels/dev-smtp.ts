import type { Sql } from 'postgres';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * The embedded default's mail server: a real SMTP server on loopback, started in-process,
 * so the real SMTP path runs; what it receives lands in public.dev_mailbox (the dev mailbox
 * page reads it). A repeated Message-ID (a retried delivery) is kept once.
 */
export async function startDevSmtpServer(sql: Sql) {
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		size: 10 * 1024 * 1024,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then(async (mail) => {
					const to = [mail.to ?? []]
						.flat()
						.map((a) => a.text)
						.join(', ');
					await sql`
						insert into public.dev_mailbox (kind, recipient, subject, body, message_id, raw)
						select 'EMAIL', ${to}, ${mail.subject ?? null}, ${mail.text ?? ''},
						       ${mail.messageId ?? null}, ${mail.html || null}
						where not exists (
							select 1 from public.dev_mailbox m
							where m.message_id = ${mail.messageId ?? ''} and m.kind = 'EMAIL')`;
					callback();
				})
				.catch((error: Error) => callback(error));
		}
	});
	const port = await new Promise<number>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.server.address();
			resolve(typeof address === 'object' && address ? address.port : 0);
		});
	});
	return {
		url: `smtp://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
