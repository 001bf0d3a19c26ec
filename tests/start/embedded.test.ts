import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/lib/server/db/embedded';
import { processInfo } from '../../src/lib/server/db/postmaster';
import { DEMO_PASSWORD } from '../support/demo';
import {
	hasBuild,
	postSignIn,
	rawRequest,
	spawnStart,
	type StartProcess
} from '../support/start-process';

/** This machine's address on its network, as a phone on the LAN would reach it. */
const lanAddress = Object.values(networkInterfaces())
	.flat()
	.find((a) => a && !a.internal && a.family === 'IPv4')?.address;
const hugo = { email: 'eleve.hugo@nexus.test', password: DEMO_PASSWORD };

/**
 * `npm start` with its embedded PostgreSQL, as real processes on one data dir:
 * a second start, a taken port, a `kill -9` and the restart after it.
 */
describe.skipIf(!hasBuild())('npm start on its embedded PostgreSQL', () => {
	let dataDir: string;
	let port: number;
	let server: StartProcess | undefined;
	const lockFile = () => path.join(dataDir, 'pg', 'postmaster.pid');
	const postmasterPid = () => Number(readFileSync(lockFile(), 'utf8').split('\n')[0]);
	const start = (env: Record<string, string> = {}) =>
		spawnStart({ NEXUS_DATA_DIR: dataDir, PORT: String(port), ...env });
	const lines = (s: StartProcess) => s.output().trim().split('\n');

	beforeAll(async () => {
		dataDir = await mkdtemp(path.join(tmpdir(), 'nexus-start-'));
		port = await freePort();
		server = start();
		await server.serving(120_000);
	}, 150_000);

	afterAll(async () => {
		await server?.stop();
		// Never leave a PostgreSQL behind, whatever failed above.
		if (existsSync(lockFile())) {
			const pid = postmasterPid();
			if (processInfo(pid)) process.kill(pid, 'SIGKILL');
		}
		await rm(dataDir, { recursive: true, force: true });
	}, 60_000);

	it('listens on loopback only by default', async () => {
		expect(server!.output()).toContain(
			`[start] serving on http://localhost:${port} (this machine only; HOST=0.0.0.0 opens it to the network)`
		);
		if (!lanAddress) return; // no network interface here: nothing else to reach it by
		await expect(rawRequest({ address: lanAddress, port, path: '/api/health' })).rejects.toThrow(
			/ECONNREFUSED/
		);
	});

	it('refuses a second start on the same data dir in one line, before serving', async () => {
		const second = start({ PORT: String(await freePort()) });
		expect(await second.exited).toBe(1);
		expect(lines(second), second.output()).toHaveLength(1);
		expect(second.output()).toMatch(
			/^\[start\] PostgreSQL is already running on .* another server/
		);
		expect(second.output()).not.toMatch(/serving on|\n\s+at /);
		const stillServing = await postSignIn(
			{ address: '127.0.0.1', port },
			`localhost:${port}`,
			`http://localhost:${port}`,
			hugo
		);
		expect(stillServing.status).toBe(303);
	}, 60_000);

	it('says in one line that the port is taken, and starts no database', async () => {
		const otherDir = await mkdtemp(path.join(tmpdir(), 'nexus-start-port-'));
		try {
			const second = spawnStart({
				NEXUS_DATA_DIR: otherDir,
				PORT: String(port),
				HOST: '127.0.0.1'
			});
			expect(await second.exited).toBe(1);
			expect(lines(second), second.output()).toEqual([
				`[start] port ${port} is already in use on 127.0.0.1 (another \`npm start\`?): stop it or set PORT.`
			]);
			expect(existsSync(path.join(otherDir, 'pg'))).toBe(false);
		} finally {
			await rm(otherDir, { recursive: true, force: true });
		}
	}, 60_000);

	it('after kill -9 of the server, the next start stops the orphaned PostgreSQL and serves', async () => {
		const orphan = postmasterPid();
		server!.child.kill('SIGKILL');
		const killedAt = performance.now();
		await server!.exited;
		expect(processInfo(orphan), 'PostgreSQL outlives its killed server').not.toBeNull();

		server = start();
		await server.serving(60_000);
		const recoveryMs = Math.round(performance.now() - killedAt);
		console.log(`[figure] kill -9 → serving again: ${recoveryMs} ms`);
		expect(server.output()).toContain(`stopping PostgreSQL (pid ${orphan}) left running`);
		expect(processInfo(orphan)).toBeNull();
		expect(postmasterPid()).not.toBe(orphan);
		const signIn = await postSignIn(
			{ address: '127.0.0.1', port },
			`localhost:${port}`,
			`http://localhost:${port}`,
			hugo
		);
		expect(signIn.status).toBe(303);
		expect(recoveryMs).toBeLessThan(30_000);
	}, 90_000);

	it.skipIf(!lanAddress)(
		'with HOST=0.0.0.0 the network reaches it, but only this machine sees the demo accounts',
		async () => {
			await server!.stop();
			server = start({ HOST: '0.0.0.0' });
			await server.serving(60_000);
			expect(server.output()).toContain(`http://${lanAddress}:${port}`);

			const local = await rawRequest({ address: '127.0.0.1', port, path: '/login' });
			expect(local.body).toContain('coach.maths@nexus.test');
			expect(local.body).toContain(DEMO_PASSWORD);

			const lanHost = `${lanAddress}:${port}`;
			const remote = await rawRequest({
				address: lanAddress!,
				port,
				path: '/login',
				headers: { host: lanHost }
			});
			expect(remote.status).toBe(200);
			expect(remote.body).toContain('name="password"');
			expect(remote.body).not.toContain('@nexus.test');
			expect(remote.body).not.toContain(DEMO_PASSWORD);

			// Signing in from the network works under its address (no fixed ORIGIN).
			const signIn = await postSignIn(
				{ address: lanAddress!, port },
				lanHost,
				`http://${lanHost}`,
				hugo
			);
			expect(signIn.status, signIn.body).toBe(303);
		},
		90_000
	);

	it('a plain stop (SIGTERM) stops PostgreSQL with it', async () => {
		const pid = postmasterPid();
		await server!.stop();
		expect(await server!.exited).toBe(0);
		expect(processInfo(pid)).toBeNull();
		expect(existsSync(lockFile())).toBe(false);
		server = undefined;
	}, 60_000);
});
