import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	ENV_VARIABLES,
	liveTransportOf,
	readServerEnv,
	SECRET_VARIABLES,
	supabaseAuthOf
} from './env';

const problemsOf = (source: Record<string, string>) => {
	try {
		readServerEnv(source);
		return null;
	} catch (error) {
		return (error as Error).message;
	}
};

const PRODUCTION = {
	NEXUS_HOME: 'production',
	DATABASE_URL: 'postgres://app:pw@db.example.org:6543/postgres',
	ORIGIN: 'https://sessions.nexus-reussite.fr',
	JWT_SECRET: 'x'.repeat(40),
	SMTP_URL: 'smtps://mailer:pw@smtp.example.org:465',
	VAPID_PUBLIC_KEY: 'B'.repeat(87),
	VAPID_PRIVATE_KEY: 'p'.repeat(43),
	TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
	TWILIO_AUTH_TOKEN: 't'.repeat(32),
	TWILIO_FROM: '+33612345678'
};

describe('the configuration of each home', () => {
	it('needs nothing for the embedded default', () => {
		const env = readServerEnv({});
		expect(env.home).toBe('embedded');
		expect(env.PORT).toBe(3000);
	});

	it('counts a database URL without a home as a long-running server', () => {
		expect(readServerEnv({ DATABASE_URL: PRODUCTION.DATABASE_URL }).home).toBe('server');
	});

	it('accepts a complete production configuration', () => {
		expect(readServerEnv(PRODUCTION).home).toBe('production');
	});

	it('lists every missing production variable in one message', () => {
		const message = problemsOf({ NEXUS_HOME: 'production' });
		expect(message).toMatch(/^Invalid configuration for the production home \(9 problems\): /);
		for (const name of [
			'DATABASE_URL',
			'ORIGIN',
			'JWT_SECRET',
			'SMTP_URL',
			'VAPID_PUBLIC_KEY',
			'VAPID_PRIVATE_KEY',
			'TWILIO_ACCOUNT_SID',
			'TWILIO_AUTH_TOKEN',
			'TWILIO_FROM'
		])
			expect(message).toContain(`${name}: required in production`);
	});

	it('names malformed variables once, beside the missing ones', () => {
		const { SMTP_URL: _smtp, ...withoutMail } = PRODUCTION;
		const message = problemsOf({ ...withoutMail, JWT_SECRET: 'short', ORIGIN: 'not a url' });
		expect(message).toContain('(3 problems)');
		expect(message).toContain('JWT_SECRET: Too small');
		expect(message).toContain('ORIGIN: Invalid URL');
		expect(message).toContain('SMTP_URL: required in production');
		expect(message?.match(/JWT_SECRET/g)).toHaveLength(1);
	});

	it('refuses what production cannot honour', () => {
		const message = problemsOf({
			...PRODUCTION,
			ORIGIN: 'http://sessions.nexus-reussite.fr',
			NEXUS_DEMO_DATA: '1',
			NEXUS_WORKFLOWS: 'off'
		});
		expect(message).toContain('ORIGIN: must be https://');
		expect(message).toContain('NEXUS_DEMO_DATA: demo accounts');
		expect(message).toContain('NEXUS_WORKFLOWS: `off` in production');
	});

	it('detects a serverless host as production, where Inngest must run the reminders', () => {
		const { NEXUS_HOME: _home, ...rest } = PRODUCTION;
		const message = problemsOf({ ...rest, VERCEL: '1' });
		expect(message).toMatch(/production home \(2 problems\)/);
		expect(message).toContain('INNGEST_EVENT_KEY: required on a serverless host');
		expect(message).toContain('INNGEST_SIGNING_KEY: required on a serverless host');
		const env = readServerEnv({
			...rest,
			DENO_DEPLOYMENT_ID: 'abc',
			INNGEST_EVENT_KEY: 'evt',
			INNGEST_SIGNING_KEY: 'signkey-prod-123'
		});
		expect(env.home).toBe('production');
	});

	it('takes a provider completely or not at all, in any home', () => {
		const message = problemsOf({
			TWILIO_AUTH_TOKEN: 't'.repeat(32),
			VAPID_PUBLIC_KEY: 'B'.repeat(87)
		});
		expect(message).toMatch(/embedded home \(3 problems\)/);
		expect(message).toContain('TWILIO_ACCOUNT_SID: required with TWILIO_AUTH_TOKEN');
		expect(message).toContain('TWILIO_FROM: required with TWILIO_AUTH_TOKEN');
		expect(message).toContain('VAPID_PRIVATE_KEY: required with VAPID_PUBLIC_KEY');
		expect(problemsOf({ NEXUS_WORKFLOWS: 'inngest' })).toContain(
			'INNGEST_SIGNING_KEY: required when Inngest runs the workflows'
		);
	});

	it('refuses a home that contradicts the database setting', () => {
		expect(problemsOf({ NEXUS_HOME: 'server' })).toContain(
			'DATABASE_URL: required with NEXUS_HOME=server'
		);
		expect(problemsOf({ NEXUS_HOME: 'embedded', DATABASE_URL: PRODUCTION.DATABASE_URL })).toContain(
			'DATABASE_URL: set, but NEXUS_HOME=embedded'
		);
	});

	it('sends browsers to Supabase Realtime only with a project and a database it can read', () => {
		// Realtime alone: the app's own sign-in kept (NEXUS_AUTH=local), the public key only.
		const project = {
			SUPABASE_URL: 'https://abcdefghijklmnop.supabase.co',
			SUPABASE_ANON_KEY: 'sb_publishable_0123456789abcdef',
			NEXUS_AUTH: 'local'
		};
		const server = { DATABASE_URL: PRODUCTION.DATABASE_URL };
		expect(liveTransportOf(readServerEnv({ ...server, ...project }))).toEqual({
			kind: 'supabase',
			url: project.SUPABASE_URL,
			anonKey: project.SUPABASE_ANON_KEY
		});
		expect(liveTransportOf(readServerEnv({ ...server, ...project, NEXUS_LIVE: 'sse' }))).toEqual({
			kind: 'sse'
		});
		expect(liveTransportOf(readServerEnv(server))).toEqual({ kind: 'sse' });
		// The embedded database is not the project's: its own stream, unless told otherwise…
		expect(liveTransportOf(readServerEnv(project))).toEqual({ kind: 'sse' });
		// …which is refused.
		expect(problemsOf({ ...project, NEXUS_LIVE: 'supabase' })).toContain(
			'NEXUS_LIVE: `supabase` needs the Supabase database'
		);
		const missing = problemsOf({ ...server, NEXUS_LIVE: 'supabase' });
		expect(missing).toContain('SUPABASE_URL: required with NEXUS_LIVE=supabase');
		const keyless = { ...server, SUPABASE_URL: project.SUPABASE_URL, NEXUS_AUTH: 'local' };
		expect(problemsOf(keyless)).toContain(
			'SUPABASE_PUBLISHABLE_KEY: required with SUPABASE_URL (the publishable key'
		);
		expect(
			problemsOf({ ...keyless, ...project, SUPABASE_SECRET_KEY: 'sb_secret_' + 's'.repeat(24) })
		).toContain('SUPABASE_SECRET_KEY: set, but NEXUS_AUTH=local signs people in itself');
		expect(
			problemsOf({ ...PRODUCTION, ...project, SUPABASE_URL: 'http://abcdefghijklmnop.supabase.co' })
		).toContain('SUPABASE_URL: must be https:// in production');
	});

	it('refuses a secret Supabase key where the public one is expected', () => {
		const jwt = (role: string) =>
			['{"alg":"HS256","typ":"JWT"}', JSON.stringify({ role, iss: 'supabase' })]
				.map((part) => btoa(part).replace(/=+$/, ''))
				.concat('signature')
				.join('.');
		const withKey = (key: string) =>
			problemsOf({
				SUPABASE_URL: 'https://abcdefghijklmnop.supabase.co',
				SUPABASE_ANON_KEY: key,
				NEXUS_AUTH: 'local'
			});
		expect(withKey(jwt('anon'))).toBeNull();
		expect(withKey(jwt('service_role'))).toContain('SUPABASE_ANON_KEY: the service-role key');
		expect(withKey('sb_secret_0123456789abcdef')).toContain('SUPABASE_ANON_KEY: a secret key');
	});

	describe('Supabase Auth', () => {
		const SUPABASE = {
			SUPABASE_URL: 'https://abcdefghijklmnopqrst.supabase.co',
			SUPABASE_PUBLISHABLE_KEY: `sb_publishable_${'p'.repeat(24)}`,
			SUPABASE_SECRET_KEY: `sb_secret_${'s'.repeat(24)}`
		};

		it('is chosen with its URL and both keys, and then production needs no JWT_SECRET', () => {
			const { JWT_SECRET: _local, ...rest } = PRODUCTION;
			const env = readServerEnv({ ...rest, ...SUPABASE });
			expect(supabaseAuthOf(env)).toEqual({
				url: SUPABASE.SUPABASE_URL,
				publishableKey: SUPABASE.SUPABASE_PUBLISHABLE_KEY,
				secretKey: SUPABASE.SUPABASE_SECRET_KEY
			});
			expect(supabaseAuthOf(readServerEnv(PRODUCTION))).toBeNull();
			// Its Realtime carries the live updates, joined with the publishable key.
			expect(liveTransportOf(env)).toEqual({
				kind: 'supabase',
				url: SUPABASE.SUPABASE_URL,
				anonKey: SUPABASE.SUPABASE_PUBLISHABLE_KEY
			});
		});

		it('takes the legacy anon and service_role key names too', () => {
			const env = readServerEnv({
				DATABASE_URL: PRODUCTION.DATABASE_URL,
				SUPABASE_URL: SUPABASE.SUPABASE_URL,
				SUPABASE_ANON_KEY: 'eyJ'.padEnd(40, 'a'),
				SUPABASE_SERVICE_ROLE_KEY: 'eyJ'.padEnd(40, 's')
			});
			expect(supabaseAuthOf(env)).toMatchObject({
				publishableKey: 'eyJ'.padEnd(40, 'a'),
				secretKey: 'eyJ'.padEnd(40, 's')
			});
		});

		it('lists every missing, doubled or stray setting in one message', () => {
			const server = { DATABASE_URL: PRODUCTION.DATABASE_URL };
			const message = problemsOf({ ...server, SUPABASE_URL: SUPABASE.SUPABASE_URL });
			expect(message).toMatch(/server home \(2 problems\)/);
			expect(message).toContain('SUPABASE_PUBLISHABLE_KEY: required with SUPABASE_URL');
			expect(message).toContain('SUPABASE_SECRET_KEY: required with SUPABASE_URL');
			const doubled = problemsOf({
				...server,
				...SUPABASE,
				SUPABASE_SERVICE_ROLE_KEY: 'eyJ'.padEnd(40, 's')
			});
			expect(doubled).toContain('SUPABASE_SERVICE_ROLE_KEY: set beside SUPABASE_SECRET_KEY');
			const stray = problemsOf({ ...server, SUPABASE_SERVICE_ROLE_KEY: 'eyJ'.padEnd(40, 's') });
			expect(stray).toContain('SUPABASE_SERVICE_ROLE_KEY: set, but SUPABASE_URL is not');
		});

		it('needs the project’s database, and https in production', () => {
			expect(problemsOf(SUPABASE)).toContain('SUPABASE_URL: Supabase Auth keeps its users');
			const { JWT_SECRET: _local, ...rest } = PRODUCTION;
			const message = problemsOf({ ...rest, ...SUPABASE, SUPABASE_URL: 'http://127.0.0.1:54321' });
			expect(message).toMatch(/\(1 problem\)/);
			expect(message).toContain('SUPABASE_URL: must be https://');
		});
	});

	it('never puts a secret value in its message', () => {
		const message = problemsOf({ ...PRODUCTION, ORIGIN: 'http://x.example' }) ?? '';
		for (const name of SECRET_VARIABLES) {
			const value = (PRODUCTION as Record<string, string>)[name];
			if (value) expect(message).not.toContain(value);
		}
	});
});

it('.env.example documents every variable the server reads', () => {
	const example = readFileSync('.env.example', 'utf8');
	const documented = new Set(
		[...example.matchAll(/^# ([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1] ?? '')
	);
	// Set by the hosting platform, never by hand.
	const platform = ['VERCEL', 'DENO_DEPLOYMENT_ID'];
	const missing = ENV_VARIABLES.filter((v) => !platform.includes(v) && !documented.has(v));
	expect(missing).toEqual([]);
	// And only those (plus what scripts/start.js and adapter-node read themselves).
	const extra = [...documented].filter(
		(v) => !(ENV_VARIABLES as string[]).includes(v) && !['HOST', 'SHUTDOWN_TIMEOUT'].includes(v)
	);
	expect(extra).toEqual([]);
});
