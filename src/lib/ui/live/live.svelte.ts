/**
 * The browser's live client: components call `listen(topics, onMessage)`; one connection per
 * page carries every topic the page listens to, and is reopened with its cursor when the set
 * changes or the network comes back, so nothing committed meanwhile is missed.
 *
 * The embedded home speaks server-sent events (`/api/live`). The Supabase home's private
 * channels answer the same topics under the same rule (`public.can_listen`).
 */
import { CURSOR_PATTERN, type LiveMessage } from '$lib/core/live';

type Handler = (message: LiveMessage) => void;

interface Listener {
	topics: string[];
	onMessage: Handler;
	/** The server could not replay what was missed: reload what is shown. */
	onReset?: () => void;
}

export type LiveState = 'idle' | 'connecting' | 'live' | 'offline';

class LiveConnection {
	state = $state<LiveState>('idle');
	private listeners = new Set<Listener>();
	private source: EventSource | null = null;
	private openTopics = '';
	private cursor: string | null = null;
	private seen: string[] = [];
	private retry: ReturnType<typeof setTimeout> | null = null;
	private backoffMs = 1_000;
	private scheduled = false;

	add(listener: Listener): () => void {
		this.listeners.add(listener);
		this.schedule();
		return () => {
			this.listeners.delete(listener);
			this.schedule();
		};
	}

	/** Several components mount together: open once for all of them. */
	private schedule() {
		if (this.scheduled) return;
		this.scheduled = true;
		queueMicrotask(() => {
			this.scheduled = false;
			this.sync();
		});
	}

	private wanted(): string {
		const all = [...this.listeners].flatMap((l) => l.topics);
		return all
			.filter((t, i) => all.indexOf(t) === i)
			.sort()
			.join(',');
	}

	private sync() {
		const wanted = this.wanted();
		if (wanted === this.openTopics && this.source) return;
		this.close();
		this.openTopics = wanted;
		if (wanted) this.open();
		else this.state = 'idle';
	}

	private open() {
		const cursor = this.cursor ? `&cursor=${this.cursor}` : '';
		const source = new EventSource(
			`/api/live?topics=${encodeURIComponent(this.openTopics)}${cursor}`
		);
		this.source = source;
		this.state = 'connecting';
		source.addEventListener('ready', () => {
			this.state = 'live';
			this.backoffMs = 1_000;
		});
		source.addEventListener('message', (e) => this.onMessage(e as MessageEvent<string>));
		source.addEventListener('cursor', (e) => this.remember((e as MessageEvent).lastEventId));
		source.addEventListener('reset', (e) => {
			this.remember((e as MessageEvent).lastEventId);
			for (const l of this.listeners) l.onReset?.();
		});
		source.addEventListener('ended', () => {
			// Signed out elsewhere: the next page load goes to sign-in.
			this.close();
			this.state = 'offline';
		});
		source.onerror = () => {
			if (source.readyState === EventSource.CONNECTING) {
				this.state = 'connecting';
				return;
			}
			// Closed for good (an error answer): try again later, with what we had.
			this.close();
			this.state = 'offline';
			this.retry = setTimeout(() => this.sync(), this.backoffMs);
			this.backoffMs = Math.min(this.backoffMs * 2, 30_000);
		};
	}

	private remember(id: string) {
		if (CURSOR_PATTERN.test(id)) this.cursor = id;
	}

	private onMessage(e: MessageEvent<string>) {
		const message = JSON.parse(e.data) as LiveMessage;
		this.remember(e.lastEventId);
		// A reconnect in the middle of a batch replays it: each message once.
		if (this.seen.includes(message.id)) return;
		this.seen.push(message.id);
		if (this.seen.length > 500) this.seen.splice(0, 250);
		for (const l of this.listeners) if (l.topics.includes(message.topic)) l.onMessage(message);
	}

	private close() {
		if (this.retry) clearTimeout(this.retry);
		this.retry = null;
		this.source?.close();
		this.source = null;
	}
}

let connection: LiveConnection | null = null;
const shared = () => (connection ??= new LiveConnection());

/** Listen to `topics` until the returned function is called (use it as an $effect's cleanup). */
export function listen(topics: string[], onMessage: Handler, onReset?: () => void): () => void {
	if (typeof EventSource === 'undefined') return () => {};
	return shared().add({ topics, onMessage, onReset });
}

/** 'live' while the page receives changes as they happen. */
export const liveState = (): LiveState => shared().state;
