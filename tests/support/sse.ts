import { appUrl } from './api';

export interface SseEvent {
	event: string;
	id: string | null;
	data: any;
}

/**
 * A server-sent-event client over fetch (`path` on the app under test, or a full URL), as a
 * test or the bench needs it: the status and content type of
 * the answer, the events as they come, and a way to wait for one.
 */
export async function openStream(
	path: string,
	options: { token?: string; headers?: Record<string, string> } = {}
) {
	const controller = new AbortController();
	const url = /^https?:/.test(path) ? path : `${appUrl()}${path}`;
	const res = await fetch(url, {
		headers: {
			...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
			...options.headers
		},
		signal: controller.signal
	});
	const events: SseEvent[] = [];
	const waiters: (() => void)[] = [];
	let lastId: string | null = null;
	let ended = false;
	if (res.ok && res.body) {
		void (async () => {
			const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
			let buffer = '';
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) break;
					buffer += value;
					let cut: number;
					while ((cut = buffer.indexOf('\n\n')) >= 0) {
						const block = buffer.slice(0, cut);
						buffer = buffer.slice(cut + 2);
						const fields = { event: 'message', id: null as string | null, data: '' };
						for (const line of block.split('\n')) {
							if (line.startsWith(':')) continue;
							const at = line.indexOf(': ');
							const [name, value] = at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 2)];
							if (name === 'event') fields.event = value;
							else if (name === 'id') fields.id = value;
							else if (name === 'data') fields.data += value;
						}
						if (!fields.data) continue;
						if (fields.id !== null) lastId = fields.id;
						events.push({ ...fields, data: JSON.parse(fields.data) });
						for (const w of waiters.splice(0)) w();
					}
				}
			} catch {
				/* aborted */
			}
			ended = true;
			for (const w of waiters.splice(0)) w();
		})();
	}
	return {
		status: res.status,
		contentType: res.headers.get('content-type') ?? '',
		json: async () => (res.ok ? null : res.json()),
		events,
		lastId: () => lastId,
		ended: () => ended,
		/** The first event matching `test`, waiting up to `timeoutMs`. */
		async next(test: (e: SseEvent) => boolean, timeoutMs = 5_000): Promise<SseEvent> {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = events.find(test);
				if (found) return found;
				if (ended) throw new Error(`stream ended without the event; got ${JSON.stringify(events)}`);
				const left = deadline - Date.now();
				if (left <= 0)
					throw new Error(`no such event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, left);
				});
			}
		},
		close: () => controller.abort()
	};
}
