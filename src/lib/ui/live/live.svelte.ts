/**
 * The browser's live client: components call `listen(topics, onMessage)`; one connection per
 * page carries every topic the page listens to, and is reopened when the set changes or the
 * network comes back, so nothing committed meanwhile is missed.
 *
 * The server says which transport (the root layout's `live`, from `configureLive`): the
 * embedded home's server-sent events (`/api/live`, below), or the Supabase home's Realtime
 * private channels (`supabase.client.ts`, and `@supabase/supabase-js` with it, loaded only
 * then). Both answer the same topics under the same rule (`public.can_listen`).
 */
import { CURSOR_PATTERN, type LiveMessage, type LiveTransportConfig } from '$lib/core/live';
import type { LiveSink, LiveState, LiveTransport } from './transport';

export type { LiveState } from './transport';

type Handler = (message: LiveMessage) => void;

interface Listener {
	topics: string[];
	onMessage: Handler;
	/** The server could not replay what was missed: reload what is shown. */
	onReset?: () => void;
}

class LiveConnection {
	state = $state<LiveState>('idle');
	private listeners = new Set<Listener>();
	private seen: string[] = [];
	private transport: LiveTransport | null = null;
	private scheduled = false;

	constructor(private readonly config: () => LiveTransportConfig) {}

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
			this.transport ??= this.choose();
			this.transport.follow(this.wanted());
		});
	}

	private wanted(): string[] {
		const all = [...this.listeners].flatMap((l) => l.topics);
		return all.filter((t, i) => all.indexOf(t) === i).sort();
	}

	private choose(): LiveTransport {
		const config = this.config();
		if (config.kind === 'sse') return new EventSourceTransport(this.sink);
		return loading(
			import('./supabase.client').then((m) => m.supabaseTransport(config, this.sink)),
			this.sink
		);
	}

	private readonly sink: LiveSink = {
		message: (message) => {
			// A reconnect may hand a message again (a replayed batch or window): each one once.
			if (message.id) {
				if (this.seen.includes(message.id)) return;
				this.seen.push(message.id);
				if (this.seen.length > 500) this.seen.splice(0, 250);
			}
			for (const l of this.listeners) if (l.topics.includes(message.topic)) l.onMessage(message);
		},
		reset: (topics) => {
			for (const l of this.listeners)
				if (!topics || l.topics.some((t) => topics.includes(t))) l.onReset?.();
		},
		state: (state) => (this.state = state)
	};
}

/** A transport still being downloaded: it follows the last topics asked for once it is here. */
function loading(transport: Promise<LiveTransport>, sink: LiveSink): LiveTransport {
	let ready: LiveTransport | null = null;
	let topics: readonly string[] = [];
	transport.then(
		(t) => (ready = t).follow(topics),
		() => sink.state('offline')
	);
	return {
		follow(wanted) {
			topics = wanted;
			if (ready) ready.follow(wanted);
			else sink.state(wanted.length ? 'connecting' : 'idle');
		}
	};
}

/**
 * The embedded home's stream: one EventSource for all the topics, reopened with its cursor
 * when the set changes; a reconnecting EventSource sends the last id back itself.
 */
class EventSourceTransport implements LiveTransport {
	private source: EventSource | null = null;
	private openTopics = '';
	private cursor: string | null = null;
	private retry: ReturnType<typeof setTimeout> | null = null;
	private backoffMs = 1_000;

	constructor(private readonly sink: LiveSink) {}

	follow(topics: readonly string[]) {
		const wanted = topics.join(',');
		if (wanted === this.openTopics && this.source) return;
		this.close();
		this.openTopics = wanted;
		if (wanted) this.open();
		else this.sink.state('idle');
	}

	private open() {
		const cursor = this.cursor ? `&cursor=${this.cursor}` : '';
		const source = new EventSource(
			`/api/live?topics=${encodeURIComponent(this.openTopics)}${cursor}`
		);
		this.source = source;
		this.sink.state('connecting');
		source.addEventListener('ready', () => {
			this.sink.state('live');
			this.backoffMs = 1_000;
		});
		source.addEventListener('message', (e) => {
			this.remember(e.lastEventId);
			this.sink.message(JSON.parse(e.data) as LiveMessage);
		});
		source.addEventListener('cursor', (e) => this.remember((e as MessageEvent).lastEventId));
		source.addEventListener('reset', (e) => {
			this.remember((e as MessageEvent).lastEventId);
			this.sink.reset();
		});
		source.addEventListener('ended', () => {
			// Signed out elsewhere: the next page load goes to sign-in.
			this.close();
			this.sink.state('offline');
		});
		source.onerror = () => {
			if (source.readyState === EventSource.CONNECTING) {
				this.sink.state('connecting');
				return;
			}
			// Closed for good (an error answer): try again later, with what we had.
			this.close();
			this.sink.state('offline');
			this.retry = setTimeout(() => this.open(), this.backoffMs);
			this.backoffMs = Math.min(this.backoffMs * 2, 30_000);
		};
	}

	private remember(id: string) {
		if (CURSOR_PATTERN.test(id)) this.cursor = id;
	}

	private close() {
		if (this.retry) clearTimeout(this.retry);
		this.retry = null;
		this.source?.close();
		this.source = null;
	}
}

let connection: LiveConnection | null = null;
let transportConfig = (): LiveTransportConfig => ({ kind: 'sse' });
const shared = () => (connection ??= new LiveConnection(() => transportConfig()));

/**
 * The server's choice of transport (the root layout's data), read when the page first listens.
 * Browser only: on the server this module's state would be shared by every request.
 */
export function configureLive(config: () => LiveTransportConfig) {
	if (typeof window !== 'undefined') transportConfig = config;
}

/** Listen to `topics` until the returned function is called (use it as an $effect's cleanup). */
export function listen(topics: string[], onMessage: Handler, onReset?: () => void): () => void {
	if (typeof EventSource === 'undefined') return () => {};
	return shared().add({ topics, onMessage, onReset });
}

/** 'live' while the page receives changes as they happen. */
export const liveState = (): LiveState => shared().state;
