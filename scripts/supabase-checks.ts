// Supabase's own checks, without Docker, on a freshly migrated embedded
// PostgreSQL:
//   1. `supabase gen types typescript` must equal the committed
//      src/lib/core/database.types.ts (run with --write-types to update it);
//   2. the schema snapshot (supabase/schema/functions.sql and policies.sql:
//      the current definition of every function, trigger, grant and policy)
//      must equal what the migrations produce (--write-types updates it too);
//   3. `supabase db advisors --fail-on warn` (Supabase's security and
//      performance linter) must pass.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestDatabase } from '../tests/support/test-database';
import { schemaSnapshot } from './schema-snapshot';

const TYPES_FILE = path.resolve('src/lib/core/database.types.ts');
const write = process.argv.includes('--write-types');
const supabase = (args: string[]) =>
	execFileSync('npx', ['--no-install', 'supabase', ...args], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			PGSSLMODE: 'disable',
			SUPABASE_TELEMETRY_DISABLED: '1',
			DO_NOT_TRACK: '1'
		}
	});

const db = await startTestDatabase();
let failed = false;
try {
	const types = supabase([
		'gen',
		'types',
		'typescript',
		`--remote=${db.url}`,
		'--schema',
		'public'
	]);
	if (write) {
		writeFileSync(TYPES_FILE, types);
		console.log(`wrote ${path.relative(process.cwd(), TYPES_FILE)}`);
	} else if (readFileSync(TYPES_FILE, 'utf8') !== types) {
		failed = true;
		console.error(
			'✗ src/lib/core/database.types.ts is out of date with the migrations: run `npm run types:generate` and commit it.'
		);
	} else {
		console.log('✓ generated Database types match the migrations');
	}

	const snapshot = await schemaSnapshot(db.url);
	for (const [file, content] of Object.entries(snapshot)) {
		if (write) {
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(file, content);
			console.log(`wrote ${file}`);
		} else if (!existsSync(file) || readFileSync(file, 'utf8') !== content) {
			failed = true;
			console.error(
				`✗ ${file} is out of date with the migrations: run \`npm run types:generate\` and commit it.`
			);
		} else {
			console.log(`✓ ${file} matches the migrations`);
		}
	}

	try {
		const report = supabase([
			'db',
			'advisors',
			`--remote=${db.url}`,
			'--level',
			'info',
			'--fail-on',
			'warn'
		]);
		const notes = report.trim().startsWith('[') ? (JSON.parse(report) as { name: string }[]) : [];
		const byLint = Object.entries(
			notes.reduce<Record<string, number>>(
				(acc, n) => ({ ...acc, [n.name]: (acc[n.name] ?? 0) + 1 }),
				{}
			)
		).map(([name, n]) => `${name} ×${n}`);
		console.log(
			`✓ supabase db advisors: no warning or error` +
				(byLint.length ? ` (info only: ${byLint.join(', ')})` : '')
		);
	} catch (error) {
		failed = true;
		const e = error as { stdout?: string; stderr?: string };
		console.error('✗ supabase db advisors found issues:\n' + (e.stdout ?? '') + (e.stderr ?? ''));
	}
} finally {
	await db.stop();
}
process.exit(failed ? 1 : 0);
