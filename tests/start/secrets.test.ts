import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SECRET_VARIABLES } from '../../src/lib/server/config/env';
import { startAppServer } from '../support/app-server';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../support/demo';
import { hasBuild } from '../support/start-process';

/**
 * Secrets stay on the server: a build made with every secret set carries none of them (nor
 * reads one by name) in what browsers download, and a server running with them set never puts
 * one in a page, a page's data or an API answer, whoever is signed in.
 */
const marker = (name: string) => `${name.toLowerCase()}-${randomBytes(12).toString('hex')}`;
const vapid = webpush.generateVAPIDKeys();
const SECRETS: Record<(typeof SECRET_VARIABLES)[number], string> = {
	DATABASE_URL: `postgres://app:${marker('db')}@db.invalid:5432/postgres`,
	JWT_SECRET: marker('jwt-secret-long-enough'),
	SMTP_URL: `smtp://mailer:${marker('smtp')}@127.0.0.1:9`,
	TWILIO_AUTH_TOKEN: marker('twilio'),
	VAPID_PRIVATE_KEY: vapid.privateKey,
	INNGEST_EVENT_KEY: marker('inngest-event'),
	INNGEST_SIGNING_KEY: `signkey-test-${randomBytes(16).toString('hex')}`,
	METRICS_TOKEN: marker('metrics'),
	SUPABASE_SECRET_KEY: `sb_secret_${randomBytes(16).toString('hex')}`,
	SUPABASE_SERVICE_ROLE_KEY: marker('supabase-service-role')
};
/** Their partners (configured together or not at all), not secret. */
const PARTNERS = {
	TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
	TWILIO_FROM: '+33600000000',
	VAPID_PUBLIC_KEY: vapid.publicKey
};
/**
 * Supabase Auth's settings, for the build only: a server given them signs in through Supabase
 * Auth, which cannot run here (tests/contract checks that adapter against GoTrue's HTTP
 * contract), and the demo accounts below are the local identity's. Both key names are set,
 * though a server accepts one of each.
 */
const SUPABASE = {
	SUPABASE_URL: 'https://abcdefghijklmnopqrst.supabase.co',
	SUPABASE_PUBLISHABLE_KEY: `sb_publishable_${randomBytes(16).toString('hex')}`
};
const SUPABASE_SECRETS = ['SUPABASE_SECRET_KEY', 'SUPABASE_SERVICE_ROLE_KEY'] as const;
/** What must not appear: the values, and for URLs their password part. */
const needles = Object.entries(SECRETS).map(([name, value]) => {
	const url = value.includes('://') ? new URL(value) : null;
	return [name, url?.password || value] as const;
});

async function filesUnder(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function run(command: string, args: string[], env: Record<string, string>) {
	return new Promise<string>((resolve, reject) => {
		const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.once('exit', (code) =>
			code === 0 ? resolve(output) : reject(new Error(`${command} exited ${code}:\n${output}`))
		);
	});
}

describe('a build made with every secret set', () => {
	// Inside the project (git-ignored): the build's prerender step resolves its packages there.
	const id = randomBytes(4).toString('hex');
	const kitDir = `.svelte-kit-secrets-${id}`;
	const buildDir = `build-secrets-${id}`;
	beforeAll(async () => {
		await run('npx', ['vite', 'build'], {
			...SECRETS,
			...PARTNERS,
			...SUPABASE,
			NEXUS_KIT_DIR: kitDir,
			NEXUS_BUILD_DIR: buildDir
		});
	}, 180_000);
	afterAll(async () => {
		for (const dir of [kitDir, buildDir]) await rm(dir, { recursive: true, force: true });
	});

	it('ships no secret, and no code reading one, to browsers', async () => {
		const files = await filesUnder(path.join(buildDir, 'client'));
		expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(10);
		const leaks: string[] = [];
		for (const file of files) {
			const text = await readFile(file, 'latin1');
			for (const [name, value] of needles)
				if (text.includes(value)) leaks.push(`${name} value in ${file}`);
			for (const name of SECRET_VARIABLES)
				if (text.includes(name)) leaks.push(`${name} named in ${file}`);
		}
		expect(leaks).toEqual([]);
	});
});

describe.skipIf(!hasBuild())('a server running with every secret set', () => {
	let server: Awaited<ReturnType<typeof startAppServer>>;
	beforeAll(async () => {
		const { DATABASE_URL: _unused, ...rest } = SECRETS;
		for (const name of SUPABASE_SECRETS) delete rest[name];
		server = await startAppServer(inject('databaseUrl'), {
			...rest,
			...PARTNERS,
			// Inngest keys alone would make this server Inngest's: inert here (nothing calls it),
			// and no engine of its own picks up the shared test database's deliveries.
			NEXUS_WORKFLOWS: 'inngest'
		});
	}, 60_000);
	afterAll(() => server?.stop());

	async function signIn(email: string) {
		const res = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: {
				origin: server.url,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
			redirect: 'manual'
		});
		expect(res.status, await res.text()).toBe(303);
		return res.headers
			.getSetCookie()
			.map((c) => c.split(';', 1)[0])
			.join('; ');
	}

	const PAGES = [
		'/',
		'/login',
		'/signup',
		'/student',
		'/parent',
		'/sessions',
		'/credits',
		'/book',
		'/notifications',
		'/coach',
		'/coach/availability',
		'/coach/profile',
		'/assistant',
		'/assistant/credits',
		'/manifest.webmanifest',
		'/service-worker.js'
	];
	const API = ['/api/health', '/api/push/public-key', '/api/coaches', '/api/sessions'];

	it.each(['lucas', 'parentMartin', 'coachMaths', 'admin'] as const)(
		'puts no secret in what %s is sent',
		async (who) => {
			const cookie = await signIn(DEMO_EMAILS[who]);
			const leaks: string[] = [];
			let answered = 0;
			for (const page of [
				...PAGES,
				...PAGES.map((p) => `${p.replace(/\/$/, '')}/__data.json`),
				...API
			]) {
				const res = await fetch(`${server.url}${page}`, {
					headers: { cookie },
					redirect: 'manual'
				});
				const body = await res.text();
				if (res.status === 200) answered++;
				for (const [name, value] of needles)
					if (body.includes(value)) leaks.push(`${name} in ${page}`);
			}
			expect(leaks).toEqual([]);
			expect(answered).toBeGreaterThan(8);
		}
	);
});
