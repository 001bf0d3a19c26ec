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
