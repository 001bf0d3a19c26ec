import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/lib/server/db/embedded';

export const BUILD_ENTRY = path.resolve(process.env.NEXUS_BUILD_DIR ?? 'build', 'index.js');

/**
 * The runtime that serves the build: this Node by default; NEXUS_APP_RUNTIME names another
 * command line (`scripts/test-homes.sh` runs the API suite with `deno run -A`, Deno 2).
 */
const RUNTIME = process.env.NEXUS_APP_RUNTIME?.trim().split(/\s+/) ?? [process.execPath];
if (process.env.NEXUS_APP_RUNTIME)
	console.log(`[app-server] the build runs on: ${RUNTIME.join(' ')}`);

/**
 * Serve the real production build (`npm run build`) on a free port against an
 * existing database, as `npm start` would with DATABASE_URL set.
 */
export async function startAppServer(databaseUrl: string, extraEnv: Record<string, string> = {}) {
	if (!existsSync(BUILD_ENTRY)) throw new Error('No production build: run `npm run build` first');
	const port = await freePort();
	const dataDir = await mkdtemp(path.join(tmpdir(), 'nexus-app-'));
	const [command, ...args] = RUNTIME as [string, ...string[]];
	const child: ChildProcess = spawn(command, [...args, BUILD_ENTRY], {
		env: {
			...process.env,
			DATABASE_URL: databaseUrl,
			NEXUS_DATA_DIR: dataDir,
			NEXUS_DEMO_DATA: '0',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`,
			...extraEnv
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	let stopping = false;
	// A server that dies on its own says why (otherwise its callers only see ECONNREFUSED).
	child.once('exit', (code, signal) => {
		if (!stopping) console.error(`[app-server] exited (${code ?? signal}):\n${output}`);
	});
	const url = `http://localhost:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`App server exited early:\n${output}`);
		try {
			if ((await fetch(`${url}/api/health`)).ok) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`App server not answering after 30 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		child,
		output: () => output,
		async stop() {
			stopping = true;
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			await rm(dataDir, { recursive: true, force: true });
		}
	};
}
