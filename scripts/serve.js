// The HTTP server of `npm start`: a plain node:http server around adapter-node's
// request handler (build/handler.js), instead of the build's own index.js, so that:
// - without ORIGIN, each request's origin is the host it was sent to, over plain
//   http: http://localhost:3000, http://127.0.0.1:3000 and http://192.168.1.20:3000
//   all pass SvelteKit's CSRF check, while a cross-site form post still fails it;
//   with ORIGIN set (production) adapter-node keeps that one strict origin;
// - the port is taken before the database boots, so "port in use" is one line and
//   leaves no PostgreSQL behind, and a start-up failure is one line too.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { answerClientError } from './client-errors.js';

/** Header our server writes on every request (never trusted from the client). */
const LOCAL_PROTOCOL_HEADER = 'x-nexus-local-protocol';

/**
 * Tell adapter-node how to build each request's origin. Call before importing the handler.
 * @param {NodeJS.ProcessEnv} env
 * @returns {boolean} whether the server must stamp the protocol on each request
 */
export function configureOrigin(env) {
	if (env.ORIGIN || env.PROTOCOL_HEADER) return false;
	// adapter-node assumes https unless PROTOCOL_HEADER names a header carrying the
	// scheme; this server only speaks plain http, so it states that itself.
	env.PROTOCOL_HEADER = LOCAL_PROTOCOL_HEADER;
	return true;
}

/** @param {unknown} error */
export function oneLine(error) {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0] ?? message;
}

/**
 * @param {{ handlerFile: string, host: string, port: number, onReady: (address: string) => void }} options
 */
export async function serve({ handlerFile, host, port, onReady }) {
	const stampProtocol = configureOrigin(process.env);
	let stopping = false;
	/**
	 * Like adapter-node's index.js: stop accepting, let requests finish (at most
	 * SHUTDOWN_TIMEOUT seconds), then `sveltekit:shutdown` closes the database.
	 * @param {NodeJS.Signals} signal
	 */
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		server.closeIdleConnections();
		server.close(() => process.emit(/** @type {any} */ ('sveltekit:shutdown'), signal));
		const timeout = Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000;
		setTimeout(() => server.closeAllConnections(), timeout).unref();
	};
	/** @type {Promise<(req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void>} */
	let handler = new Promise(() => {});
	const server = http.createServer((req, res) => {
		if (stampProtocol) req.headers[LOCAL_PROTOCOL_HEADER] = 'http';
		// Static files are answered by adapter-node before the hooks run: they need it too.
		res.setHeader('x-content-type-options', 'nosniff');
		// While stopping, keep-alive connections close as soon as they are idle.
		res.once('close', () => stopping && server.closeIdleConnections());
		void handler.then((handle) =>
			handle(req, res, () => {
				res.statusCode = 404;
				res.end('Not found');
			})
		);
	});

	server.on('clientError', answerClientError);

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(undefined));
	}).catch((/** @type {NodeJS.ErrnoException} */ error) => {
		const where = `${host}:${port}`;
		if (error.code === 'EADDRINUSE')
			fail(
				`port ${port} is already in use on ${host} (another \`npm start\`?): stop it or set PORT.`
			);
		if (error.code === 'EACCES') fail(`not allowed to listen on ${where}: choose another PORT.`);
		if (error.code === 'EADDRNOTAVAIL') fail(`${host} is not an address of this machine (HOST).`);
		fail(`cannot listen on ${where}: ${oneLine(error)}`);
	});

	// Importing the handler boots (and migrates) the database: hooks.server.ts `init`.
	// Requests that arrive meanwhile wait for it.
	const loading = import(pathToFileURL(handlerFile).href).then((m) => m.handler);
	handler = loading;
	await loading.catch((error) => fail(oneLine(error)));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	const address = server.address();
	onReady(typeof address === 'object' && address ? `${address.address}:${address.port}` : '');
	return server;
}

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`[start] ${message}`);
	process.exit(1);
}
