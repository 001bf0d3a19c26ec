/** What a channel is handed: the rendered message and a key stable across retries. */
export interface EmailMessage {
	to: string;
	subject: string;
	text: string;
	html: string;
	/** Stable per delivery: a retried send carries the same Message-ID. */
	idempotencyKey: string;
	calendar?: { content: string; method: 'REQUEST' | 'CANCEL' };
}

export interface SmsMessage {
	/** E.164. */
	to: string;
	body: string;
	idempotencyKey: string;
}

export interface PushTarget {
	endpoint: string;
	p256dh: string;
	auth: string;
}

export interface PushMessage {
	target: PushTarget;
	payload: { title: string; body: string; url: string; tag: string };
	idempotencyKey: string;
	/** Seconds the push service keeps it for an offline device. */
	ttlSeconds: number;
}

export interface Sent {
	/** The provider's id of the accepted message. */
	providerId: string | null;
}

/** A permanent refusal: retrying cannot help (a bad address, a gone subscription). */
export class PermanentChannelError extends Error {
	constructor(
		message: string,
		readonly reason: 'gone' | 'rejected'
	) {
		super(message);
		this.name = 'PermanentChannelError';
	}
}

export interface Channels {
	email(message: EmailMessage): Promise<Sent>;
	sms(message: SmsMessage): Promise<Sent>;
	push(message: PushMessage): Promise<Sent>;
	/** Public VAPID key browsers subscribe with (null: push is not configured). */
	readonly vapidPublicKey: string | null;
	close(): Promise<void>;
}
