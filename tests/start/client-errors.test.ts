import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { hasBuild, startedServer } from '../support/start-process';

/** Raw bytes to the server, the whole answer back (each request here makes it close). */
function rawExchange(port: number, bytes: string): Promise<string> {
	return new Promise((resolve, reject) => {
		// Written, not ended: a half-closed socket would get no answer at all.
		const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
		let answer = '';
		socket.setEncoding('utf8');
		socket.on('data', (d) => (answer += d));
		socket.on('close', () => resolve(answer));
		socket.on('error', reject);
	});
}

function parse(answer: string) {
	const [head = '', body = ''] = answer.split('\r\n\r\n');
	const [statusLine = '', ...lines] = head.split('\r\n');
	const headers = Object.fromEntries(
		lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()])
	);
	return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body || 'null') };
}

/**
 * Requests Node's HTTP parser refuses before the app sees them (`npm start`, scripts/serve.js):
 * they too get the JSON error shape, not Node's empty answer.
 */
describe.skipIf(!hasBuild())('requests refused by the HTTP parser answer in JSON', () => {
	const started = startedServer();
	/** GET /api/health with one more header line, as raw bytes. */
	const health = async (header: string) =>
		parse(
			await rawExchange(
				started.port,
				`GET /api/health HTTP/1.1\r\nHost: localhost\r\n${header}\r\n\r\n`
			)
		);

	it('headers over the size limit: 431 HEADERS_TOO_LARGE', async () => {
		const res = await health(`X-Big: ${'a'.repeat(20_000)}`);
		expect(res.status).toBe(431);
		expect(res.headers['content-type']).toBe('application/json');
		expect(res.body).toEqual({
			error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) }
		});
	});

	it('a control character in a header value: 400 BAD_REQUEST', async () => {
		const res = await health('X-A: a\u0001b');
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ error: { code: 'BAD_REQUEST', message: expect.any(String) } });
	});

	it('garbage instead of a request line: 400 BAD_REQUEST', async () => {
		const res = parse(await rawExchange(started.port, 'HELLO\u0000 THERE\r\n\r\n'));
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('BAD_REQUEST');
	});

	it('still serves after all that', async () => {
		const res = await health('Connection: close');
		expect(res.status).toBe(200);
	});
});
