import { existsSync } from 'node:fs';
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

	it('is removed when its pid now names another program (pid reused after a reboot)', async () => {
		await writeLock(process.pid);
		await clearStalePostmaster(path.join(dir, 'pg'));
		expect(existsSync(lockFile())).toBe(false);
	});

	it('reads this very process as alive, with its parent', () => {
		expect(processInfo(process.pid)).toMatchObject({ ppid: process.ppid });
	});
});
