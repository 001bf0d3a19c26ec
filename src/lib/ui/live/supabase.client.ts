/**
 * Live messages through Supabase Realtime (the Supabase home): one private channel per topic,
 * named as ours (`coach:<id>`), which Realtime lets the person join only if the
 * `realtime.messages` policy (`public.can_listen`) allows it for the access token they present.
 * That token comes from this app's server (`GET /api/live/token`: the session cookie is httpOnly),
 * is handed to Realtime before joining and again before it expires.
 *
 * Catch-up after a lost connection: Broadcast Replay (supabase-js ≥ 2.37, private channels, the
 * messages `realtime.send` wrote). The channel rejoins asking for what was sent since the socket
 * last proved alive (a heartbeat answered, a message received), a margin earlier for the
 * clocks; what was already received is dropped by id. Realtime replays at most 25 messages, so
 * 25 replayed means more may be lost: the topic's listeners reload (`onReset`), as they do when
 * a Realtime cannot replay at all (it refuses the join: the channel rejoins without replay).
 */
import {
	RealtimeClient,
	REALTIME_SUBSCRIBE_STATES as STATUS,
	type RealtimeChannel
} from '@supabase/supabase-js';
import { LIVE_TOKEN_PATH, type LiveToken, type LiveTransportConfig } from '$lib/core/live';
import type { LiveSink, LiveTransport } from './transport';

/** Realtime's own cap on one replay. */
const REPLAY_LIMIT = 25;
/** Ask for a new token this long before expiry (the server renews one with 90 s left). */
const RENEW_BEFORE_MS = 60_000;
/**
 * Realtime only learns of a sign-out when the token expires; asking this server that often
 * notices sooner (the SSE stream asks every 30 s, but from the server).
 */
const RECHECK_MS = 5 * 60_000;
/** How far the server's clock may be from ours when asking Realtime for a replay. */
const CLOCK_MARGIN_MS = 10_000;
/** Refusals that would come again: a topic not this person's, a project misconfigured. */
const FINAL_REFUSAL =
	/^(Unauthorized|PrivateOnly|TenantNotFound|RealtimeDisabledForTenant|JwtSignatureError|JwtSignerError|MalformedJWT|InvalidJWTToken)\b/;

type SupabaseLive = Extract<LiveTransportConfig, { kind: 'supabase' }>;

interface Broadcast {
	event: string;
	payload?: Record<string, unknown>;
	meta?: { id?: string; replayed?: boolean };
}

interface Followed {
	channel: RealtimeChannel;
	state: 'joining' | 'joined' | 'closed' | 'refused';
	/** Replay from here (server clock, ms) when it joins again. */
	since?: number;
	replayed: number;
	/** It rejoins without replay: its listeners must reload once it is in. */
	resetOnJoin: boolean;
	/** Why the server closed it, as its last `system` message said. */
	reason?: string;
	closes: number;
}

export function supabaseTransport(config: SupabaseLive, sink: LiveSink): LiveTransport {
	return new RealtimeTransport(config, sink);
}

class RealtimeTransport implements LiveTransport {
	private readonly realtime: RealtimeClient;
	private readonly channels = new Map<string, Followed>();
	private wanted: readonly string[] = [];
	private token: string | null = null;
	/** When it expires, on the server's clock (ms). */
	private expiresAt = 0;
	private asking: Promise<boolean> | null = null;
	private unreachable = false;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private failures = 0;
	/** Server clock minus ours, from the token answer's Date header. */
	private clockOffsetMs = 0;
	/** When the socket last proved it delivers (our clock). */
	private aliveAt = Date.now();

	constructor(
		config: SupabaseLive,
		private readonly sink: LiveSink
	) {
		// Realtime's client alone, as `createClient(…).realtime` builds it: the whole client would
		// add Auth, PostgREST, Storage and Functions (42 kB gzipped) that this never uses.
		const endpoint = new URL(
			'realtime/v1',
			config.url.endsWith('/') ? config.url : `${config.url}/`
		);
		endpoint.protocol = endpoint.protocol.replace('http', 'ws');
		this.realtime = new RealtimeClient(endpoint.href, {
			params: { apikey: config.anonKey },
			// The person's token comes from this server, never from Supabase Auth in the browser:
			// no second session to store, refresh or sign out.
			accessToken: async () => this.token,
			heartbeatCallback: (status) => {
				if (status === 'ok') this.aliveAt = Date.now();
			}
		});
	}

	follow(topics: readonly string[]) {
		this.wanted = topics;
		for (const topic of [...this.channels.keys()]) if (!topics.includes(topic)) this.drop(topic);
		if (topics.length) void this.join();
		else this.stopTimer();
		this.report();
	}

	/** Every wanted topic without a channel gets one, once the token is here. */
	private async join() {
		if (!(await this.authorised())) return;
		for (const topic of this.wanted) {
			const followed = this.channels.get(topic);
			if (!followed || followed.state === 'closed') this.subscribe(topic, followed);
		}
		this.report();
	}

	private subscribe(topic: string, before?: Followed) {
		const since = before?.since;
		const channel = this.realtime.channel(topic, {
			config: {
				private: true,
				broadcast: {
					ack: false,
					self: false,
					...(since === undefined ? {} : { replay: replay(since) })
				}
			}
		});
		const followed: Followed = {
			channel,
			state: 'joining',
			replayed: 0,
			resetOnJoin: before?.resetOnJoin ?? false,
			closes: before?.closes ?? 0
		};
		this.channels.set(topic, followed);
		channel
			.on('broadcast', { event: '*' }, (message: Broadcast) =>
				this.receive(topic, followed, message)
			)
			.on('system', {}, (message: { status?: string; message?: string }) => {
				if (message.status === 'error') followed.reason = message.message;
			})
			.subscribe((status, error) => {
				if (this.channels.get(topic) === followed) this.changed(topic, followed, status, error);
			});
	}

	private changed(topic: string, followed: Followed, status: STATUS, error?: Error) {
		// Refused: its removal closes it, which is no reason to join it again.
		if (followed.state === 'refused') return;
		if (status === STATUS.SUBSCRIBED) {
			followed.state = 'joined';
			followed.replayed = 0;
			followed.closes = 0;
			this.aliveAt = Date.now();
			if (followed.resetOnJoin) {
				followed.resetOnJoin = false;
				this.sink.reset([topic]);
			}
		} else if (status === STATUS.CHANNEL_ERROR) {
			const reason = refusal(error);
			if (reason === null) this.lost(followed);
			else void this.refused(topic, followed, reason);
		} else if (status === STATUS.CLOSED) {
			void this.closed(topic, followed);
		} else {
			// TIMED_OUT: the channel asks again by itself.
			followed.state = 'joining';
		}
		this.report();
	}

	/** The socket dropped (or the server's channel failed): it rejoins by itself, replaying. */
	private lost(followed: Followed) {
		if (followed.state === 'joined') {
			followed.since = this.serverTime(this.aliveAt) - CLOCK_MARGIN_MS;
			setReplay(followed.channel, followed.since);
		}
		followed.state = 'joining';
	}

	private async refused(topic: string, followed: Followed, reason: string) {
		followed.state = 'joining';
		if (reason.startsWith('UnableToReplayMessages')) {
			// This Realtime cannot replay: rejoin without it, and have the page reload.
			setReplay(followed.channel, undefined);
			followed.resetOnJoin = true;
			return;
		}
		if (reason.startsWith('InvalidJWTToken')) {
			// An expired token is no refusal: the channel rejoins with a renewed one (if there is one).
			const before = this.token;
			if (!(await this.renew()) || this.token !== before) return;
		}
		if (!FINAL_REFUSAL.test(reason) || this.channels.get(topic) !== followed) return;
		// Asking again would be refused again: stop its rejoins, and say why.
		console.warn(`[live] Supabase Realtime refused ${topic}: ${reason}`);
		followed.state = 'refused';
		void this.realtime.removeChannel(followed.channel);
		this.report();
	}

	/** The server closed the channel (its token expired, a right was lost): join it anew. */
	private async closed(topic: string, followed: Followed) {
		if (followed.state === 'joined')
			followed.since = this.serverTime(this.aliveAt) - CLOCK_MARGIN_MS;
		followed.state = 'closed';
		if (followed.reason)
			console.warn(`[live] Supabase Realtime closed ${topic}: ${followed.reason}`);
		// Closed again and again (a replication that never gets ready): ever more slowly.
		await new Promise((resolve) =>
			setTimeout(resolve, Math.min(1_000 * 2 ** followed.closes++, 30_000))
		);
		if (this.channels.get(topic) === followed && (await this.renew())) void this.join();
	}

	private receive(topic: string, followed: Followed, message: Broadcast) {
		this.aliveAt = Date.now();
		const { id: echoed, ...rest } = message.payload ?? {};
		const id = message.meta?.id ?? (typeof echoed === 'string' ? echoed : '');
		// Supabase's realtime.send copies the message's id into its payload; the SQL never wrote it.
		const payload = echoed === undefined || echoed === id ? rest : (message.payload ?? {});
		this.sink.message({ id, topic, event: message.event, payload });
		if (message.meta?.replayed && ++followed.replayed === REPLAY_LIMIT) this.sink.reset([topic]);
	}

	private drop(topic: string) {
		const followed = this.channels.get(topic);
		this.channels.delete(topic);
		if (followed && followed.state !== 'refused' && followed.state !== 'closed')
			void this.realtime.removeChannel(followed.channel);
	}

	/** A token for Realtime that outlives the next renewal, asked of this server if need be. */
	private authorised(): Promise<boolean> {
		const left = this.expiresAt - this.serverTime(Date.now());
		return this.token && left > RENEW_BEFORE_MS ? Promise.resolve(true) : this.renew();
	}

	/**
	 * A fresh token from this server (asked once for everyone waiting), handed to Realtime, which
	 * pushes it to every joined channel and keeps it for rejoins. 401: signed out elsewhere.
	 */
	private renew(): Promise<boolean> {
		this.asking ??= this.ask().finally(() => (this.asking = null));
		return this.asking;
	}

	private async ask(): Promise<boolean> {
		this.stopTimer();
		const response = await fetch(LIVE_TOKEN_PATH, {
			headers: { accept: 'application/json' }
		}).catch(() => null);
		if (response?.status === 401) {
			this.end();
			return false;
		}
		if (!response?.ok) {
			// Offline or failing: try again later with what we had.
			this.unreachable = true;
			this.report();
			this.later(() => void this.join(), Math.min(1_000 * 2 ** this.failures++, 30_000));
			return false;
		}
		const answer = (await response.json()) as LiveToken;
		const date = Date.parse(response.headers.get('date') ?? '');
		// The header has whole seconds: the server's now is half a second past it, on average.
		if (Number.isFinite(date)) this.clockOffsetMs = date + 500 - Date.now();
		this.unreachable = false;
		this.failures = 0;
		this.token = answer.token;
		this.expiresAt = answer.expiresAt * 1000;
		await this.realtime.setAuth(answer.token);
		const left = this.expiresAt - this.serverTime(Date.now()) - RENEW_BEFORE_MS;
		this.later(() => void this.renew(), Math.max(5_000, Math.min(left, RECHECK_MS)));
		return true;
	}

	/** Signed out elsewhere: like the SSE stream's `ended`, nothing more until the next page. */
	private end() {
		this.stopTimer();
		this.token = null;
		const channels = [...this.channels.values()];
		this.channels.clear();
		for (const { channel } of channels) void this.realtime.removeChannel(channel);
		this.sink.state('offline');
	}

	private report() {
		const states = this.wanted.map((t) => this.channels.get(t)?.state);
		if (!this.wanted.length) this.sink.state('idle');
		else if ((this.unreachable && !this.token) || states.includes('refused'))
			this.sink.state('offline');
		else if (states.every((s) => s === 'joined')) this.sink.state('live');
		else this.sink.state('connecting');
	}

	private serverTime(local: number) {
		return Math.floor(local + this.clockOffsetMs);
	}

	private later(fn: () => void, ms: number) {
		this.stopTimer();
		this.timer = setTimeout(fn, ms);
	}

	private stopTimer() {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}
}

const replay = (since: number) => ({ since, limit: REPLAY_LIMIT });

/** The next join (a rejoin after a lost socket) asks to replay from `since`, or not at all. */
function setReplay(channel: RealtimeChannel, since: number | undefined) {
	const { config } = channel.joinPush.payload() as { config: { broadcast?: object } };
	const { replay: _, ...broadcast } = (config.broadcast ?? {}) as { replay?: unknown };
	channel.updateJoinPayload({
		config: { ...config, broadcast: since ? { ...broadcast, replay: replay(since) } : broadcast }
	});
}

/**
 * The server's reason when it refused the join (its reply `{ reason }`), or null when the
 * channel failed otherwise (the socket closed: a CloseEvent, a heartbeat timeout).
 */
function refusal(error?: Error): string | null {
	const cause = error?.cause;
	if (!cause || typeof cause !== 'object' || cause instanceof Event) return null;
	const reason = (cause as { reason?: unknown }).reason;
	return typeof reason === 'string' ? reason : null;
}
