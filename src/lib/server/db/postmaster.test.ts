import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearStalePostmaster, processInfo } from './postmaster';

// The live cases (a second server, an orphan after kill -9) run against real
// PostgreSQL processes in tests/start/embedded.test.ts.
describe('a postmaster.pid left in the data dir', () => {
	let dir: string;
	const lockFile = () => path.join(dir, 'pg', 'postmaster.pid');
	const writeLock = (pid: number) => writeFile(lockFile(), `${pid}\n${dir}/pg\n`);

	beforeEach(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'nexus-postmaster-'));
		await mkdir(path.join(dir, 'pg'));
	});
	afterEach(() => rm(dir, { recursive: true, force: true }));

	it('is left to PostgreSQL when its pid no longer runs', async () => {
		await writeLock(2 ** 22 + 1); // above Linux's pid_max
		await clearStalePostmaster(path.join(dir, 'pg'));
		expect(existsSync(lockFile())).toBe(true);
	});

	it.skipIf(!existsSync('/proc/self/stat'))(
		'is removed when its pid is a zombie not reaped yet (PostgreSQL would refuse it)',
		async () => {
			// The child exits once its parent has become `sleep 5`, which never reaps it: a zombie.
			// (Exiting at once, it could end before the `exec`, and the shell reaped it.)
			const parent = spawn('sh', ['-c', 'sleep 0.5 & echo $!; exec sleep 5'], {
				stdio: ['ignore', 'pipe', 'ignore']
			});
			try {
				const zombie = Number(
					await new Promise<string>((resolve) =>
						parent.stdout.once('data', (d) => resolve(String(d)))
					)
				);
				const state = () => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]?.[0];
				for (let i = 0; i < 150 && state() !== 'Z'; i++)
					await new Promise((r) => setTimeout(r, 20));
				expect(state()).toBe('Z');
				expect(processInfo(zombie)).toBeNull();

				await writeLock(zombie);
				await clearStalePostmaster(path.join(dir, 'pg'));
				expect(existsSync(lockFile())).toBe(false);
			} finally {
				parent.kill('SIGKILL');
			}
		}
	);

	it('is removed when its pid now names another program (pid reused after a reboot)', async () => {
		await writeLock(process.pid);
		await clearStalePostmaster(path.join(dir, 'pg'));
		expect(existsSync(lockFile())).toBe(false);
	});

	it('reads this very process as alive, with its parent', () => {
		expect(processInfo(process.pid)).toMatchObject({ ppid: process.ppid });
	});
});
