// Requests Node's HTTP parser refuses before any handler runs (headers over the size limit,
// malformed request lines or header values) get the API's JSON error shape instead of Node's
// default empty answer: `server.on('clientError', answerClientError)`.

/** @type {Record<string, [number, string, string, string]>} */
const ANSWERS = {
	HPE_HEADER_OVERFLOW: [
		431,
		'Request Header Fields Too Large',
		'HEADERS_TOO_LARGE',
		'The request headers are too large'
	],
	HPE_CHUNK_EXTENSIONS_OVERFLOW: [
		413,
		'Payload Too Large',
		'PAYLOAD_TOO_LARGE',
		'The chunk extensions are too large'
	],
	ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'REQUEST_TIMEOUT', 'The request took too long']
};
const MALFORMED = /** @type {const} */ ([
	400,
	'Bad Request',
	'BAD_REQUEST',
	'The request is not valid HTTP'
]);

/**
 * @param {NodeJS.ErrnoException} error
 * @param {import('node:stream').Duplex} socket
 */
export function answerClientError(error, socket) {
	// Node's own rule: answer only if nothing was written yet and the socket can take it.
	const written = /** @type {{ _httpMessage?: { headersSent?: boolean } }} */ (socket)._httpMessage;
	if (error.code === 'ECONNRESET' || !socket.writable || written?.headersSent) {
		socket.destroy();
		return;
	}
	const [status, reason, code, message] = ANSWERS[error.code ?? ''] ?? MALFORMED;
	const body = JSON.stringify({ error: { code, message } });
	socket.end(
		`HTTP/1.1 ${status} ${reason}\r\n` +
			'Content-Type: application/json\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n` +
			'X-Content-Type-Options: nosniff\r\n' +
			'Cache-Control: no-store\r\n' +
			'Connection: close\r\n\r\n' +
			body
	);
}
