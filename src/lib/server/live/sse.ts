/**
 * One browser's server-sent-event stream over the process's hub. Each event's `id` is a
 * cursor: the browser's EventSource sends it back as `Last-Event-ID` when it reconnects, and
 * the hub replays what was committed meanwhile. Messages of one batch share the batch's start
 * (a reconnect in the middle replays the whole batch; the client drops duplicates by id), and
 * a `cursor` event closes each batch.
 */
import type { Batch, LiveHub } from './hub';

export interface StreamOptions {
	hub: LiveHub;
	topics: string[];
	cursor: string | null;
	/** Still allowed to listen (the sign-in session alive, the topics still theirs)? */
	stillAllowed: () => Promise<boolean>;
	recheckMs?: number;
	heartbeatMs?: number;
}

const encoder = new TextEncoder();

export function liveStream(options: StreamOptions): Response {
	const { hub, topics, cursor, stillAllowed } = options;
	let cleanup = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let open = true;
			const write = (text: string) => {
				if (!open) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					close();
				}
			};
			const event = (name: string, id: string | null, data: unknown) =>
				write(
					`${id === null ? '' : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`
				);
			const unsubscribe = hub.subscribe(
				{
					topics: new Set(topics),
					deliver(batch: Batch) {
						for (const m of batch.messages) event('message', batch.from, m);
						event('cursor', batch.to, { cursor: batch.to });
					},
					reset(to) {
						event('reset', to, { cursor: to });
					},
					end: () => close()
				},
				cursor
			);
			// Ask the browser to come back after 2 s if the connection drops.
			write(`retry: 2000\n\n`);
			event('ready', null, { topics });
			const heartbeat = setInterval(() => write(': ping\n\n'), options.heartbeatMs ?? 25_000);
			const recheck = setInterval(() => {
				stillAllowed().then(
					(ok) => {
						if (!ok) {
							event('ended', null, {});
							close();
						}
					},
					() => {}
				);
			}, options.recheckMs ?? 30_000);
			function close() {
				if (!open) return;
				open = false;
				clearInterval(heartbeat);
				clearInterval(recheck);
				unsubscribe();
				try {
					controller.close();
				} catch {
					/* already closed by the client */
				}
			}
			cleanup = close;
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			'x-accel-buffering': 'no'
		}
	});
}
