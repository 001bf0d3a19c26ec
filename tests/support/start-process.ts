import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { freePort } from '../../src/lib/server/db/embedded';
import { BUILD_ENTRY } from './app-server';

const START_SCRIPT = path.resolve('scripts/start.js');

/** `npm start` as a real process: scripts/start.js serving the existing production build. */
export interface StartProcess {
	child: ChildProcess;
	/** Everything it printed so far (stdout and stderr). */
	output(): string;
	/** Resolves with the exit code (or the signal name) once it has exited. */
	exited: Promise<number | string>;
	/** Resolves once it prints "serving on" and answers on loopback; rejects if it exits first. */
	serving(timeoutMs?: number): Promise<void>;
	/** Stop it with SIGTERM and wait for the exit. */
	stop(): Promise<void>;
}

export const hasBuild = () => existsSync(BUILD_ENTRY);

/**
 * `detached` gives it its own process group (with the PostgreSQL it starts), so a test can
 * kill the server and its database together: `process.kill(-child.pid, 'SIGKILL')`.
 */
export function spawnStart(
	env: Record<string, string>,
	options: { detached?: boolean } = {}
): StartProcess {
	const child = spawn(process.execPath, [START_SCRIPT], {
		env: { ...process.env, NEXUS_NO_BUILD: '1', NEXUS_DB_LOG: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: options.detached ?? false
	});
	let output = '';
	const listeners = new Set<() => void>();
	const append = (d: Buffer) => {
		output += d.toString();
		for (const l of listeners) l();
	};
	child.stdout!.on('data', append);
	child.stderr!.on('data', append);
	const exited = new Promise<number | string>((resolve) =>
		child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'))
	);
	return {
		child,
		output: () => output,
		exited,
		async serving(timeoutMs = 60_000) {
			await new Promise<void>((resolve, reject) => {
				const check = () => {
					if (output.includes('serving on')) done(resolve);
				};
				const timer = setTimeout(
					() => done(() => reject(new Error(`not serving after ${timeoutMs} ms:\n${output}`))),
					timeoutMs
				);
				const done = (fn: () => void) => {
					clearTimeout(timer);
					listeners.delete(check);
					fn();
				};
				listeners.add(check);
				void exited.then((code) =>
					done(() => reject(new Error(`start.js exited (${code}) before serving:\n${output}`)))
				);
				check();
			});
			await answersHealth(Number(env.PORT), exited);
		},
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

async function answersHealth(port: number, exited: Promise<unknown>) {
	let gone = false;
	void exited.then(() => (gone = true));
	for (let i = 0; i < 100 && !gone; i++) {
		const ok = await rawRequest({ address: '127.0.0.1', port, path: '/api/health' }).then(
			(r) => r.status === 200,
			() => false
		);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no answer on 127.0.0.1:${port}/api/health`);
}

export interface RawResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/**
 * One HTTP request with full control over the Host and Origin headers (fetch
 * does not let a caller choose Host), sent to `address:port`.
 */
export function rawRequest(options: {
	address: string;
	port: number;
	method?: string;
	path: string;
	headers?: Record<string, string>;
	body?: string;
}): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: options.address,
				port: options.port,
				method: options.method ?? 'GET',
				path: options.path,
				headers: options.headers,
				agent: false
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (body += d));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
			}
		);
		req.on('error', reject);
		req.end(options.body);
	});
}

/** POST the sign-in form as a browser on `origin` would (Origin header, urlencoded body). */
export function postSignIn(
	target: { address: string; port: number },
	host: string,
	origin: string,
	credentials: { email: string; password: string }
) {
	return rawRequest({
		...target,
		method: 'POST',
		path: '/login',
		headers: {
			host,
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ ...credentials, next: '/' }).toString()
	});
}

/**
 * `npm start` on a free loopback port against the run's test database, for the describe block
 * that calls it: started before its tests, stopped after. `env` may depend on the port (ORIGIN).
 */
export function startedServer(
	env: Record<string, string> | ((port: number) => Record<string, string>) = {}
) {
	const started = { port: 0, server: null as StartProcess | null };
	beforeAll(async () => {
		started.port = await freePort();
		started.server = spawnStart({
			DATABASE_URL: inject('databaseUrl'),
			PORT: String(started.port),
			HOST: '127.0.0.1',
			...(typeof env === 'function' ? env(started.port) : env)
		});
		await started.server.serving();
	});
	afterAll(() => started.server?.stop());
	return started;
}
