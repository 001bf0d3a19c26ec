import type { LiveMessage } from '$lib/core/live';

export type LiveState = 'idle' | 'connecting' | 'live' | 'offline';

/** What a transport tells the page's one connection, which fans it out to the listeners. */
export interface LiveSink {
	/** A message, perhaps again after a reconnect: the connection drops repeats by id. */
	message(message: LiveMessage): void;
	/** What was missed cannot be replayed: the listeners of `topics` (every one when omitted) reload. */
	reset(topics?: readonly string[]): void;
	state(state: LiveState): void;
}

/** One way to the server: it follows exactly the topics it is last given (none: it closes). */
export interface LiveTransport {
	follow(topics: readonly string[]): void;
}
