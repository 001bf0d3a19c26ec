#!/usr/bin/env node
// `npm start`: build when the production build is missing or older than the
// sources (NEXUS_NO_BUILD=1 serves the build as it is), then serve it on PORT
// (default 3000) through scripts/serve.js. With no DATABASE_URL the server
// boots its embedded PostgreSQL in .data/ and listens on loopback only.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, process.env.NEXUS_BUILD_DIR ?? 'build');
const entry = path.join(buildDir, 'handler.js');
const inputs = ['src', 'static', 'supabase', 'package.json', 'svelte.config.js', 'vite.config.ts'];

/**
 * @param {string} target
 * @returns {number}
 */
function newestMtime(target) {
	if (!existsSync(target)) return 0;
	const stat = statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(target).reduce(
		(max, name) => Math.max(max, newestMtime(path.join(target, name))),
		stat.mtimeMs
	);
}

const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
if (process.env.NEXUS_NO_BUILD === '1') {
	if (!built) {
		console.error(`[start] no build in ${buildDir}: run \`npm run build\` first`);
		process.exit(1);
	}
} else if (built < Math.max(...inputs.map((i) => newestMtime(path.join(root, i))))) {
	console.log('[start] building the app (sources changed or no build yet)…');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.PORT ??= '3000';
// The embedded database carries demo accounts with a published password: serve it to
// this machine only unless HOST says otherwise (HOST=0.0.0.0 opens it to the network).
const host = process.env.HOST ?? (process.env.DATABASE_URL ? '0.0.0.0' : '127.0.0.1');
process.chdir(root);
await serve({
	handlerFile: entry,
	host,
	port: Number(process.env.PORT),
	onReady: () =>
		console.log(`[start] serving on ${describeAddresses(host, process.env.PORT ?? '')}`)
});

/**
 * @param {string} host
 * @param {string} port
 */
function describeAddresses(host, port) {
	const local = `http://localhost:${port}`;
	if (host === '127.0.0.1' || host === 'localhost' || host === '::1')
		return `${local} (this machine only; HOST=0.0.0.0 opens it to the network)`;
	if (host !== '0.0.0.0' && host !== '::')
		return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	const network = Object.values(networkInterfaces())
		.flat()
		.filter((a) => a && !a.internal && a.family === 'IPv4')
		.map((a) => `http://${a?.address}:${port}`);
	return [local, ...network].join(', ');
}
