import type { LiveTransportConfig } from '$lib/core/live';
import { liveTransportOf, readServerEnv } from '../config/env';

let chosen: LiveTransportConfig | undefined;

/** The browsers' live transport, decided once from the configuration checked at boot. */
export function liveTransport(): LiveTransportConfig {
	return (chosen ??= liveTransportOf(readServerEnv()));
}

/**
 * Where pages must be allowed to connect (their Content-Security-Policy's `connect-src`) for
 * that transport: Supabase Realtime's WebSocket on the project's host; nothing for our own stream.
 */
export function liveConnectSources(): string[] {
	const live = liveTransport();
	if (live.kind !== 'supabase') return [];
	const url = new URL(live.url);
	return [`${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`];
}
