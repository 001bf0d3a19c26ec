/**
 * A stand-in for Supabase Realtime, which cannot run here (it is an Elixir service with its own
 * tenant database). It speaks the documented contract as the service's source does
 * (github.com/supabase/realtime: RealtimeWeb.Socket.V2Serializer, RealtimeWeb.RealtimeChannel,
 * Realtime.Tenants.Authorization, Realtime.Messages.replay), no more:
 *
 * - the socket is `/realtime/v1/websocket?apikey=<the project's public key>&vsn=2.0.0`; frames
 *   are Phoenix V2 JSON arrays `[join_ref, ref, topic, event, payload]`, heartbeats on `phoenix`;
 * - `phx_join` on `realtime:<topic>` carries `config` (broadcast, presence, postgres_changes,
 *   private) and `access_token`: a JWT verified with the project's secret, needing `role` and
 *   `exp`; a private topic is allowed if the `realtime.messages` policy lets the token's person
 *   read a probe row of that topic (inserted, read as them, rolled back, as Realtime does);
 *   a refusal is the reply `{status: 'error', response: {reason: 'Unauthorized: …'}}`;
 * - `config.broadcast.replay: {since, limit}` (private only) sends, after the join reply, the
 *   last `limit` (at most 25) messages of the topic inserted since `since` (ms), oldest first,
 *   with `meta: {replayed: true, id}`; a later live copy of one of them is not sent again;
 * - a row `realtime.send` writes reaches every joined channel of its topic as a binary user
 *   broadcast (kind 4) with metadata `{id}`, its payload carrying `id` too (Supabase's
 *   realtime.send adds it);
 * - `access_token` pushes replace the token (no reply); at its expiry the channel is shut down
 *   (a `system` error, then `phx_close`).
 *
 * Anything else a client sends is recorded in `violations` and its socket closed (1008), so a
 * test that drives a real client against it fails when the client speaks out of contract.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';
import type { Sql } from 'postgres';
import { WebSocketServer, type WebSocket } from 'ws';

const TOPIC = /^realtime:(staff:sessions|(user|coach|slots):[0-9a-f-]{36})$/;
const HARD_REPLAY_LIMIT = 25;

export interface Join {
	topic: string;
	/** Whose token (its `sub`), when it verified. */
	sub?: string;
	config: Record<string, any>;
	accessToken: string;
	/** What the server answered ('pending' until it has): 'ok' or the refusal's reason. */
	outcome: string;
	replayed: string[];
	at: number;
}

export interface TokenPush {
	topic: string;
	/** Whose channel it was pushed on. */
	sub?: string;
	accessToken: string;
}

export interface Leave {
	topic: string;
	sub?: string;
}

interface Channel {
	topic: string;
	sub?: string;
	joinRef: string;
	replayed: Set<string>;
	expiry: ReturnType<typeof setTimeout> | null;
}

interface Client {
	socket: WebSocket;
	channels: Map<string, Channel>;
}

export interface FakeRealtime {
	/** What SUPABASE_URL should be. */
	url: string;
	/** The query string of every socket opened. */
	connections: URLSearchParams[];
	joins: Join[];
	tokenPushes: TokenPush[];
	leaves: Leave[];
	violations: string[];
	/** Drop every socket and refuse new ones until `up()`, as a network cut would. */
	down(): void;
	up(): void;
	close(): Promise<void>;
}

class Rollback {
	constructor(readonly allowed: boolean) {}
}

export async function startFakeRealtime(options: {
	sql: Sql;
	jwtSecret: string;
	anonKey: string;
}): Promise<FakeRealtime> {
	const { sql, anonKey } = options;
	const secret = new TextEncoder().encode(options.jwtSecret);
	const clients = new Set<Client>();
	const fake: FakeRealtime = {
		url: '',
		connections: [],
		joins: [],
		tokenPushes: [],
		leaves: [],
		violations: [],
		down() {
			reachable = false;
			for (const client of clients) client.socket.terminate();
		},
		up() {
			reachable = true;
		},
		async close() {
			stopped = true;
			clearTimeout(tailing);
			for (const client of clients) client.socket.terminate();
			await new Promise((resolve) => wss.close(resolve));
		}
	};
	let reachable = true;
	let stopped = false;

	const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', verifyClient: accept });
	await new Promise((resolve) => wss.once('listening', resolve));
	fake.url = `http://127.0.0.1:${(wss.address() as AddressInfo).port}`;

	function accept(info: { req: IncomingMessage }, done: (ok: boolean, code?: number) => void) {
		if (!reachable) return done(false, 503);
		const url = new URL(info.req.url ?? '/', 'http://fake');
		if (url.pathname !== '/realtime/v1/websocket')
			return violation(`socket on ${url.pathname}`, () => done(false, 404));
		if (url.searchParams.get('apikey') !== anonKey)
			return violation('socket without the project key', () => done(false, 403));
		if (url.searchParams.get('vsn') !== '2.0.0')
			return violation(`serializer ${url.searchParams.get('vsn')}`, () => done(false, 400));
		fake.connections.push(url.searchParams);
		done(true);
	}

	function violation(what: string, then: () => void) {
		fake.violations.push(what);
		then();
	}

	wss.on('connection', (socket: WebSocket) => {
		const client: Client = { socket, channels: new Map() };
		clients.add(client);
		socket.on('close', () => {
			clients.delete(client);
			for (const channel of client.channels.values())
				if (channel.expiry) clearTimeout(channel.expiry);
		});
		socket.on('message', (data, binary) => {
			if (binary) return refuse(client, 'a binary frame (this client never broadcasts)');
			let frame: unknown;
			try {
				frame = JSON.parse(String(data));
			} catch {
				return refuse(client, `not JSON: ${String(data).slice(0, 80)}`);
			}
			void handle(client, frame).catch((error: Error) => refuse(client, error.message));
		});
	});

	function refuse(client: Client, what: string) {
		fake.violations.push(what);
		client.socket.close(1008, 'protocol violation');
	}

	const send = (client: Client, frame: unknown[]) => client.socket.send(JSON.stringify(frame));
	const reply = (client: Client, frame: Frame, status: string, response: object) =>
		send(client, [frame.joinRef, frame.ref, frame.topic, 'phx_reply', { status, response }]);

	async function handle(client: Client, raw: unknown) {
		const frame = parseFrame(raw);
		if (typeof frame === 'string') return refuse(client, frame);
		if (frame.topic === 'phoenix') {
			if (frame.event !== 'heartbeat') return refuse(client, `phoenix ${frame.event}`);
			return reply(client, frame, 'ok', {});
		}
		if (!TOPIC.test(frame.topic)) return refuse(client, `topic ${frame.topic}`);
		const topic = frame.topic.slice('realtime:'.length);
		const channel = client.channels.get(topic);
		if (frame.event === 'phx_join') return join(client, frame, topic);
		if (frame.event === 'phx_leave') {
			// Phoenix answers a leave even for a topic it never joined (a refused one).
			if (channel?.joinRef === frame.joinRef) {
				fake.leaves.push({ topic, sub: channel.sub });
				if (channel.expiry) clearTimeout(channel.expiry);
				client.channels.delete(topic);
			}
			return reply(client, frame, 'ok', {});
		}
		if (!channel || channel.joinRef !== frame.joinRef)
			return refuse(client, `${frame.event} on ${topic}, not joined`);
		if (frame.event === 'access_token') {
			const token = frame.payload.access_token;
			if (typeof token !== 'string') return refuse(client, 'access_token without a token');
			fake.tokenPushes.push({ topic, sub: channel.sub, accessToken: token });
			const claims = await verify(token);
			if (typeof claims === 'string') return shutDown(client, channel, claims);
			expireAt(client, channel, claims.exp);
			return;
		}
		refuse(client, `event ${frame.event} on ${topic}`);
	}

	async function join(client: Client, frame: Frame, topic: string) {
		const { config, access_token: token } = frame.payload as Record<string, any>;
		const shape = joinShapeProblem(frame, config, token);
		if (shape) return refuse(client, `join ${topic}: ${shape}`);
		// Phoenix would close the first channel: a client that does this has lost track of its own.
		if (client.channels.has(topic)) return refuse(client, `join ${topic} twice`);
		const record: Join = {
			topic,
			config,
			accessToken: token,
			outcome: 'pending',
			replayed: [],
			at: Date.now()
		};
		fake.joins.push(record);
		const claims = await verify(token);
		const refused = (reason: string) => {
			record.outcome = reason;
			reply(client, frame, 'error', { reason });
		};
		if (typeof claims === 'string') return refused(claims);
		record.sub = claims.sub;
		if (!(await canRead(topic, claims)))
			return refused(
				`Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`
			);
		const replay = config.broadcast.replay as { since: number; limit?: number } | undefined;
		const rows = replay ? await replayed(topic, replay.since, replay.limit ?? 25) : [];
		const channel: Channel = {
			topic,
			sub: claims.sub,
			joinRef: frame.joinRef!,
			replayed: new Set(rows.map((r) => r.id)),
			expiry: null
		};
		client.channels.set(topic, channel);
		record.outcome = 'ok';
		reply(client, frame, 'ok', { postgres_changes: [] });
		for (const row of rows) {
			record.replayed.push(row.id);
			send(client, [
				channel.joinRef,
				null,
				frame.topic,
				'broadcast',
				{
					payload: wirePayload(row),
					event: row.event,
					type: 'broadcast',
					meta: { replayed: true, id: row.id }
				}
			]);
		}
		expireAt(client, channel, claims.exp);
	}

	function expireAt(client: Client, channel: Channel, exp: number) {
		if (channel.expiry) clearTimeout(channel.expiry);
		const ms = Math.min(exp * 1000 - Date.now(), 2 ** 31 - 1);
		channel.expiry = setTimeout(() => shutDown(client, channel, 'Token has expired'), ms);
	}

	/** What Realtime does when a channel's token lapses or is replaced by a bad one. */
	function shutDown(client: Client, channel: Channel, message: string) {
		if (client.channels.get(channel.topic) !== channel) return;
		client.channels.delete(channel.topic);
		const topic = `realtime:${channel.topic}`;
		send(client, [
			channel.joinRef,
			null,
			topic,
			'system',
			{ extension: 'system', status: 'error', message, channel: channel.topic }
		]);
		send(client, [channel.joinRef, channel.joinRef, topic, 'phx_close', {}]);
	}

	async function verify(
		token: string
	): Promise<{ exp: number; role: string; sub?: string } | string> {
		try {
			const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
			if (typeof payload.role !== 'string' || typeof payload.exp !== 'number')
				return 'InvalidJWTToken: Fields `role` and `exp` are required in JWT';
			return payload as { exp: number; role: string; sub?: string };
		} catch (error) {
			return (error as { code?: string }).code === 'ERR_JWT_EXPIRED'
				? 'InvalidJWTToken: Token has expired'
				: 'JwtSignatureError: Failed to validate JWT signature';
		}
	}

	/** Realtime's read check: a probe row of the topic, selected as the token's person, rolled back. */
	async function canRead(topic: string, claims: { role: string; sub?: string }) {
		try {
			await sql.begin(async (tx) => {
				const [probe] = await tx<{ id: string }[]>`
					insert into realtime.messages (topic, extension, private)
					values (${topic}, 'broadcast', true) returning id::text as id`;
				await tx`select set_config('role', ${claims.role}, true),
					set_config('realtime.topic', ${topic}, true),
					set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
					set_config('request.jwt.claim.sub', ${claims.sub ?? ''}, true),
					set_config('request.jwt.claim.role', ${claims.role}, true)`;
				const seen = await tx`select id from realtime.messages where id = ${probe!.id}::bigint`;
				throw new Rollback(seen.length === 1);
			});
		} catch (error) {
			if (error instanceof Rollback) return error.allowed;
			throw error;
		}
		return false;
	}

	interface Row {
		id: string;
		topic: string;
		event: string;
		payload: Record<string, unknown> | null;
	}

	async function replayed(topic: string, since: number, limit: number): Promise<Row[]> {
		const rows = await sql<Row[]>`
			select id::text as id, topic, event, payload from realtime.messages
			where topic = ${topic} and private and extension = 'broadcast'
				and inserted_at >= to_timestamp(${since} / 1000.0)
			order by inserted_at desc limit ${Math.min(limit, HARD_REPLAY_LIMIT)}`;
		return rows.reverse();
	}

	const wirePayload = (row: Row) => ({ ...(row.payload ?? {}), id: row.id });

	// Realtime follows the table through replication; reading new rows does the same for tests,
	// which write one transaction at a time (a row committed out of id order could be missed).
	let last = (
		await sql<{ id: string }[]>`
		select coalesce(max(id), 0)::text as id from realtime.messages`
	)[0]!.id;
	let tailing: ReturnType<typeof setTimeout>;
	const tail = async () => {
		try {
			const rows = await sql<Row[]>`
				select id::text as id, topic, event, payload from realtime.messages
				where id > ${last}::bigint and private and extension = 'broadcast' order by id`;
			for (const row of rows) {
				last = row.id;
				for (const client of clients) {
					const channel = client.channels.get(row.topic);
					if (channel && !channel.replayed.has(row.id)) client.socket.send(userBroadcast(row));
				}
			}
		} finally {
			if (!stopped) tailing = setTimeout(() => void tail(), 50);
		}
	};
	await tail();

	return fake;
}

interface Frame {
	joinRef: string | null;
	ref: string;
	topic: string;
	event: string;
	payload: Record<string, unknown>;
}

function parseFrame(raw: unknown): Frame | string {
	if (!Array.isArray(raw) || raw.length !== 5) return `not a V2 frame: ${JSON.stringify(raw)}`;
	const [joinRef, ref, topic, event, payload] = raw as unknown[];
	if (joinRef !== null && typeof joinRef !== 'string') return 'join_ref not a string';
	if (typeof ref !== 'string') return 'ref not a string';
	if (typeof topic !== 'string' || typeof event !== 'string') return 'topic or event not a string';
	if (!payload || typeof payload !== 'object' || Array.isArray(payload))
		return 'payload not an object';
	return { joinRef, ref, topic, event, payload: payload as Record<string, unknown> };
}

/** What Realtime's Join payload validation and our transport's contract require of a join. */
function joinShapeProblem(frame: Frame, config: any, token: unknown): string | null {
	if (frame.joinRef === null || frame.joinRef !== frame.ref) return 'join_ref must be its ref';
	if (!config || typeof config !== 'object') return 'no config';
	if (config.private !== true) return 'not private';
	if (typeof token !== 'string' || !token) return 'no access_token';
	if (!config.broadcast || typeof config.broadcast !== 'object') return 'no broadcast config';
	if (!Array.isArray(config.postgres_changes) || config.postgres_changes.length)
		return 'postgres_changes asked';
	if (config.presence?.enabled) return 'presence asked';
	const replay = config.broadcast.replay;
	if (replay !== undefined) {
		if (!Number.isInteger(replay.since) || replay.since <= 0) return 'replay.since not epoch ms';
		if (replay.limit !== undefined && !(Number.isInteger(replay.limit) && replay.limit >= 1))
			return 'replay.limit not a positive integer';
	}
	return null;
}

/** Realtime's V2 binary user broadcast: kind 4, sizes, topic, event, metadata, JSON payload. */
function userBroadcast(row: { id: string; topic: string; event: string; payload: object | null }) {
	const topic = Buffer.from(`realtime:${row.topic}`);
	const event = Buffer.from(row.event);
	const meta = Buffer.from(JSON.stringify({ id: row.id }));
	const payload = Buffer.from(JSON.stringify({ ...(row.payload ?? {}), id: row.id }));
	return Buffer.concat([
		Buffer.from([4, topic.length, event.length, meta.length, 1]),
		topic,
		event,
		meta,
		payload
	]);
}
