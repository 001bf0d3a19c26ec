/**
 * The boundary rules must fail on the violations they exist for. Each case writes a tiny tree
 * with one deliberate violation into a scratch directory and runs the real dependency-cruiser CLI
 * with the real configuration on it, exactly as `npm run lint` does on src/.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

let scratch: string;

beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'boundaries-'));
});
afterAll(async () => {
	await rm(scratch, { recursive: true, force: true });
});

/** Writes `files` under a fresh tree and returns the names of the rules violated. */
async function violations(files: Record<string, string>): Promise<string[]> {
	const dir = await mkdtemp(join(scratch, 'case-'));
	await copyFile(join(ROOT, 'tsconfig.boundaries.json'), join(dir, 'tsconfig.boundaries.json'));
	for (const [path, text] of Object.entries(files)) {
		await mkdir(dirname(join(dir, path)), { recursive: true });
		await writeFile(join(dir, path), text);
	}
	const args = [CLI, 'src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '-T', 'json'];
	// The CLI exits non-zero when it finds violations; its JSON report is on stdout either way.
	const { stdout } = await run(process.execPath, args, { cwd: dir }).catch((e) => e);
	const report = JSON.parse(stdout) as { summary: { violations: { rule: { name: string } }[] } };
	return report.summary.violations.map((v) => v.rule.name).sort();
}

const DB = { 'src/lib/server/db.ts': 'export const sql = 1;\n' };

describe('boundary rules', () => {
	it('accept a tree that follows them', async () => {
		expect(
			await violations({
				...DB,
				'src/lib/core/policy.ts': 'export const GRID = 30;\n',
				'src/lib/features/people/zones.server.ts':
					"import { sql } from '$lib/server/db';\nexport const zone = sql;\n",
				'src/lib/features/booking/book.server.ts':
					"import { zone } from '$lib/features/people/zones.server';\nimport { GRID } from '$lib/core/policy';\nexport const book = zone + GRID;\n"
			})
		).toEqual([]);
	});

	it('refuse browser code importing server code, even for a type', async () => {
		expect(
			await violations({
				...DB,
				'src/lib/ui/Widget.ts':
					"import type { sql } from '$lib/server/db';\nexport type T = typeof sql;\n"
			})
		).toEqual(['browser-imports-server']);
	});

	it('refuse pure logic importing I/O or SvelteKit', async () => {
		const found = await violations({
			'src/lib/features/booking/pricing.ts':
				"import { readFileSync } from 'node:fs';\nimport { goto } from '$app/navigation';\nexport const p = [readFileSync, goto];\n"
		});
		expect(found).toContain('pure-imports-node-core');
		expect(found).toContain('pure-imports-io-or-framework');
	});

	it('refuse infrastructure importing a feature, and core importing anything of ours', async () => {
		const found = await violations({
			'src/lib/features/people/roles.ts': 'export const r = 1;\n',
			'src/lib/server/http/errors.ts':
				"import { r } from '$lib/features/people/roles';\nexport const e = r;\n",
			'src/lib/core/enums.ts': "import { e } from '$lib/server/http/errors';\nexport const x = e;\n"
		});
		expect(found).toContain('core-imports-outside-core');
		expect(found).toContain('infrastructure-imports-feature');
	});

	it('refuse SvelteKit in feature modules (Cookies, error()), even for a type', async () => {
		expect(
			await violations({
				'src/lib/features/people/active-child.server.ts':
					"import type { Cookies } from '@sveltejs/kit';\nexport type C = Cookies;\n",
				'src/lib/features/sessions/pages.server.ts':
					"import { error } from '@sveltejs/kit';\nexport const e = error;\n"
			})
		).toEqual(['feature-imports-sveltekit', 'feature-imports-sveltekit']);
	});

	it('refuse a feature importing one above it, so two features never import each other', async () => {
		expect(
			await violations({
				'src/lib/features/sessions/list.ts':
					"import { price } from '$lib/features/booking/pricing';\nexport const l = price;\n",
				'src/lib/features/booking/pricing.ts': 'export const price = 1;\n'
			})
		).toEqual(['feature-order-sessions']);
	});

	it('refuse a feature folder missing from the declared order', async () => {
		expect(
			await violations({
				'src/lib/features/shiny/thing.ts':
					"import { GRID } from '$lib/core/policy';\nexport const t = GRID;\n",
				'src/lib/core/policy.ts': 'export const GRID = 30;\n'
			})
		).toEqual(['feature-not-ordered']);
	});
});
