/**
 * Live topics and messages, shared by the server (the hub, the SSE endpoint) and the browser
 * client. Who may listen to which topic is decided in SQL only (`public.can_listen`).
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const TOPIC_PATTERN = new RegExp(`^(staff:sessions|(user|coach|slots):${UUID})$`);

export const topics = {
	staff: 'staff:sessions',
	user: (id: string) => `user:${id}`,
	coach: (id: string) => `coach:${id}`,
	slots: (coachId: string) => `slots:${coachId}`
} as const;

/** One broadcast, as `realtime.send` wrote it. `id` is the message's own (for de-duplication). */
export interface LiveMessage {
	id: string;
	topic: string;
	event: string;
	payload: Record<string, unknown>;
}

/** A cursor is a transaction id horizon (xid8), written as decimal digits. */
export const CURSOR_PATTERN = /^\d{1,20}$/;

/** How many topics one connection may hold (a page needs two or three). */
export const MAX_TOPICS = 8;

/**
 * How browsers receive live messages, decided once by the server's configuration (`NEXUS_LIVE`)
 * and handed to every page by the root layout: this server's server-sent events, or Supabase
 * Realtime's private channels (the project's URL and its public key: never a secret).
 */
export type LiveTransportConfig =
	{ kind: 'sse' } | { kind: 'supabase'; url: string; anonKey: string };

/**
 * `GET /api/live/token`: the caller's access token, for Supabase Realtime to check the topics
 * against `public.can_listen` (the session cookie is httpOnly), and when it expires (epoch s).
 */
export interface LiveToken {
	token: string;
	expiresAt: number;
}
export const LIVE_TOKEN_PATH = '/api/live/token';
