/**
 * The far ends of the notification channels, real and local: an SMTP server (smtp-server)
 * keeping every message raw, a server speaking Twilio's documented Messages API contract
 * (Twilio itself cannot run here: this is its HTTP contract, not Twilio), and a push
 * service endpoint over HTTPS that decrypts what it receives (RFC 8291, http_ece).
 */
import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { Agent, createServer as createHttpsServer } from 'node:https';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
// @ts-expect-error http_ece ships no types
import ece from 'http_ece';

export interface ReceivedMail {
	raw: string;
	parsed: ParsedMail;
	at: number;
}

interface Listening {
	listen: (port: number, host: string, cb: () => void) => unknown;
}
const listen = (
	server: Listening,
	address: () => unknown = () => (server as unknown as { address(): unknown }).address()
) =>
	new Promise<number>((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve((address() as { port: number }).port))
	);

/**
 * A real SMTP server. `refuse(mail)` may answer a code to refuse a message after DATA
 * (4xx: try again later, 5xx: never); `onData` sees each message before the answer.
 */
export async function startCapturingSmtp(
	options: {
		refuse?: (raw: string) => number | null;
		onData?: (raw: string) => void | Promise<void>;
	} = {}
) {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', async () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				await options.onData?.(raw);
				const code = options.refuse?.(raw) ?? null;
				if (code) {
					const error = Object.assign(new Error(`refused by the test (${code})`), {
						responseCode: code
					});
					return callback(error);
				}
				received.push({ raw, parsed: await simpleParser(raw), at: Date.now() });
				callback();
			});
		}
	});
	const port = await listen(server, () => server.server.address());
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		to: (address: string) =>
			received.filter((m) => m.parsed.to && JSON.stringify(m.parsed.to).includes(address)),
		close: () => new Promise<void>((r) => server.close(() => r()))
	};
}

const readBody = (req: IncomingMessage) =>
	new Promise<Buffer>((resolve) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
	});

/** Twilio's Messages API as documented: basic auth, form body, 201 with a `sid`, idempotency token honoured. */
export async function startTwilioContract(accountSid: string, authToken: string) {
	const messages: {
		to: string;
		from: string | null;
		body: string;
		token: string | null;
		sid: string;
	}[] = [];
	const byToken = new Map<string, string>();
	let failNext = 0;
	const server = createHttpServer(async (req, res) => {
		const body = new URLSearchParams((await readBody(req)).toString());
		const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
		const json = (status: number, payload: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(payload));
		};
		if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`)
			return json(404, {
				code: 20404,
				message: 'The requested resource was not found',
				status: 404
			});
		if (req.headers.authorization !== expectedAuth)
			return json(401, { code: 20003, message: 'Authenticate', status: 401 });
		if (!/^\+[1-9]\d{7,14}$/.test(body.get('To') ?? ''))
			return json(400, {
				code: 21211,
				message: "The 'To' number is not a valid phone number.",
				status: 400
			});
		if (failNext > 0) {
			failNext--;
			return json(503, { code: 20503, message: 'Service unavailable', status: 503 });
		}
		const token = (req.headers['i-twilio-idempotency-token'] as string | undefined) ?? null;
		const known = token ? byToken.get(token) : undefined;
		if (known) return json(201, { sid: known, status: 'queued' });
		const sid = `SM${randomBytes(16).toString('hex')}`;
		if (token) byToken.set(token, sid);
		messages.push({
			to: body.get('To')!,
			from: body.get('From'),
			body: body.get('Body') ?? '',
			token,
			sid
		});
		json(201, { sid, status: 'queued', to: body.get('To'), body: body.get('Body') });
	});
	const port = await listen(server);
	return {
		apiBase: `http://127.0.0.1:${port}`,
		messages,
		failNext: (n: number) => (failNext = n),
		close: () => new Promise<void>((r) => server.close(() => r()))
	};
}

/**
 * A push service endpoint over HTTPS (self-signed certificate) and a browser-side key pair:
 * each push it accepts is decrypted with the subscription's private key, as a browser would.
 * `gone` answers 410 (the subscription has expired).
 */
export async function startPushEndpoint() {
	const dir = mkdtempSync(path.join(tmpdir(), 'nexus-push-'));
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-days',
			'2',
			'-subj',
			'/CN=localhost',
			'-keyout',
			path.join(dir, 'key.pem'),
			'-out',
			path.join(dir, 'cert.pem')
		],
		{ stdio: 'ignore' }
	);
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const authSecret = randomBytes(16);
	const received: { path: string; headers: IncomingMessage['headers']; payload: unknown }[] = [];
	const gone = new Set<string>();
	const server = createHttpsServer(
		{
			key: readFileSync(path.join(dir, 'key.pem')),
			cert: readFileSync(path.join(dir, 'cert.pem'))
		},
		async (req, res) => {
			const body = await readBody(req);
			if (gone.has(req.url ?? '')) {
				res.writeHead(410);
				return res.end();
			}
			const clear = ece.decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret });
			received.push({
				path: req.url ?? '',
				headers: req.headers,
				payload: JSON.parse(clear.toString('utf8'))
			});
			res.writeHead(201, { location: `https://127.0.0.1/m/${received.length}` });
			res.end();
		}
	);
	const port = await listen(server);
	rmSync(dir, { recursive: true, force: true });
	return {
		subscription: (name: string) => ({
			endpoint: `https://127.0.0.1:${port}/push/${name}`,
			p256dh: ecdh.getPublicKey().toString('base64url'),
			auth: authSecret.toString('base64url')
		}),
		received,
		markGone: (name: string) => gone.add(`/push/${name}`),
		/** The self-signed certificate is this test's own: trust it for this agent only. */
		agent: new Agent({ rejectUnauthorized: false }),
		close: () => new Promise<void>((r) => server.close(() => r()))
	};
}
