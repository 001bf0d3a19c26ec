import { z } from 'zod';
import type { LiveTransportConfig } from '$lib/core/live';

/**
 * Server configuration, validated once, at boot (the database opens with it), for the home it
 * runs in:
 * - `embedded` (no DATABASE_URL): everything optional; the app runs on its own PostgreSQL with
 *   demo data, an in-process mail server and keys generated into the data directory;
 * - `server` (DATABASE_URL, a long-running process: tests, a self-hosted machine): the same
 *   defaults, on that database;
 * - `production` (NEXUS_HOME=production, or detected on Vercel / Deno Deploy): nothing may be
 *   generated or faked (no disk to keep a secret on, no in-process mail server anyone reads),
 *   so the database, the public origin, the token secret, the mail server and, on a serverless
 *   host, Inngest are required.
 * In every home a provider is configured completely or not at all (Twilio, VAPID, Inngest).
 * Every problem is listed in one message, so one failed boot shows all that needs fixing.
 */
const booleanFlag = z
	.enum(['1', '0', 'true', 'false', 'yes', 'no'])
	.transform((v) => v === '1' || v === 'true' || v === 'yes');

/**
 * The Supabase project's public key is sent to every browser: the anon JWT or a publishable
 * `sb_publishable_…` key. A secret or service-role key would hand anyone the whole database.
 */
const publicSupabaseKey = z
	.string()
	.min(20)
	.refine((key) => !key.startsWith('sb_secret_'), 'a secret key: use the publishable key')
	.refine((key) => jwtRole(key) !== 'service_role', 'the service-role key: use the anon key');

function jwtRole(key: string): unknown {
	const payload = key.split('.')[1];
	if (!payload) return undefined;
	try {
		return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))).role;
	} catch {
		return undefined;
	}
}

const EnvSchema = z.object({
	/** Which home this server runs in (see above); detected when unset. */
	NEXUS_HOME: z.enum(['embedded', 'server', 'production']).optional(),
	/** Set by Vercel's and Deno Deploy's runtimes: serverless, so production. */
	VERCEL: z.string().optional(),
	DENO_DEPLOYMENT_ID: z.string().optional(),
	DATABASE_URL: z.string().url().optional(),
	NEXUS_DATA_DIR: z.string().min(1).default('.data'),
	/** HS256 secret for the local identity adapter; generated and persisted in the data dir when absent. */
	JWT_SECRET: z.string().min(32).optional(),
	/**
	 * Supabase Auth instead of the local identity: the project URL, its publishable key (or the
	 * legacy anon key) and its secret key (or the legacy service_role key), server only.
	 */
	SUPABASE_URL: z.string().url().optional(),
	/** Who signs people in: Supabase Auth (the default with SUPABASE_URL) or this app (`local`). */
	NEXUS_AUTH: z.enum(['local', 'supabase']).optional(),
	SUPABASE_PUBLISHABLE_KEY: publicSupabaseKey.optional(),
	SUPABASE_ANON_KEY: publicSupabaseKey.optional(),
	SUPABASE_SECRET_KEY: z.string().min(20).optional(),
	SUPABASE_SERVICE_ROLE_KEY: z.string().min(20).optional(),
	/** Load the demo accounts on a fresh database (default: only for the embedded database). */
	NEXUS_DEMO_DATA: booleanFlag.optional(),
	/** Pool size of the postgres.js client. */
	DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
	/** Use `prepare: false` (Supabase pooler in transaction mode). */
	DATABASE_NO_PREPARE: booleanFlag.optional(),
	/** Print PostgreSQL's own log lines. */
	NEXUS_DB_LOG: booleanFlag.optional(),
	/** Absolute base of links in mail, SMS and push (default: ORIGIN, else http://localhost:PORT). */
	APP_URL: z.string().url().optional(),
	ORIGIN: z.string().url().optional(),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	/** Where notifications run: the in-process job engine, Inngest, or nowhere (tests). */
	NEXUS_WORKFLOWS: z.enum(['embedded', 'inngest', 'off']).optional(),
	/** Outgoing mail server (smtp:// or smtps://); without it the embedded default starts its own. */
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('Nexus Sessions <no-reply@nexus-reussite.fr>'),
	TWILIO_ACCOUNT_SID: z
		.string()
		.regex(/^AC[0-9a-fA-F]{32}$/)
		.optional(),
	TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
	/** Sender: an E.164 number or a Messaging Service SID (MG…). */
	TWILIO_FROM: z
		.string()
		.regex(/^(\+[1-9]\d{7,14}|MG[0-9a-fA-F]{32})$/)
		.optional(),
	/** Twilio's API base (tests point it at a local server speaking the same contract). */
	TWILIO_API_BASE: z.string().url().default('https://api.twilio.com'),
	VAPID_PUBLIC_KEY: z.string().min(40).optional(),
	VAPID_PRIVATE_KEY: z.string().min(20).optional(),
	VAPID_SUBJECT: z
		.string()
		.regex(/^(mailto:|https:\/\/)/)
		.default('mailto:contact@nexus-reussite.fr'),
	INNGEST_EVENT_KEY: z.string().min(1).optional(),
	/** How browsers receive live updates; default supabase when the project is configured. */
	NEXUS_LIVE: z.enum(['sse', 'supabase']).optional(),
	/** Bearer token of GET /metrics (Prometheus); without it the endpoint is off (404). */
	METRICS_TOKEN: z.string().min(16).optional(),
	INNGEST_SIGNING_KEY: z.string().min(1).optional()
});

type ParsedEnv = z.infer<typeof EnvSchema>;
/** Every variable the schema reads (.env.example documents each; a test checks it). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape) as (keyof ParsedEnv)[];
export type ServerHome = 'embedded' | 'server' | 'production';
export type ServerEnv = ParsedEnv & { home: ServerHome };

/** Variables whose values must never leave the server (a test greps the client build for them). */
export const SECRET_VARIABLES = [
	'DATABASE_URL',
	'JWT_SECRET',
	'SUPABASE_SECRET_KEY',
	'SUPABASE_SERVICE_ROLE_KEY',
	'SMTP_URL',
	'TWILIO_AUTH_TOKEN',
	'VAPID_PRIVATE_KEY',
	'INNGEST_EVENT_KEY',
	'INNGEST_SIGNING_KEY',
	'METRICS_TOKEN'
] as const satisfies readonly (keyof ParsedEnv)[];

const serverless = (env: ParsedEnv) => Boolean(env.VERCEL || env.DENO_DEPLOYMENT_ID);

export const homeOf = (env: ParsedEnv): ServerHome =>
	env.NEXUS_HOME ?? (serverless(env) ? 'production' : env.DATABASE_URL ? 'server' : 'embedded');

type Problem = [variable: keyof ParsedEnv, message: string];

// What production cannot generate or fake, and why.
const PRODUCTION_NEEDS: Problem[] = [
	['DATABASE_URL', 'the production database (Supabase: the pooler URL)'],
	['ORIGIN', 'the public address, e.g. https://sessions.nexus-reussite.fr'],
	['SMTP_URL', 'the mail server (no in-process mail server in production)'],
	['VAPID_PUBLIC_KEY', 'web push keys (`npx web-push generate-vapid-keys`)'],
	['VAPID_PRIVATE_KEY', 'web push keys (`npx web-push generate-vapid-keys`)'],
	['TWILIO_ACCOUNT_SID', 'SMS reminders go through Twilio (no dev mailbox in production)'],
	['TWILIO_AUTH_TOKEN', 'SMS reminders go through Twilio'],
	['TWILIO_FROM', 'SMS reminders go through Twilio']
];

const GROUPS: [names: (keyof ParsedEnv)[], what: string][] = [
	[['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'], 'SMS through Twilio'],
	[['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY'], 'web push keys']
];

/** What the chosen home needs beyond each variable's own shape (one problem per variable). */
function homeProblems(env: ParsedEnv, home: ServerHome): Problem[] {
	const problems = new Map<keyof ParsedEnv, string>();
	const add = (name: keyof ParsedEnv, message: string) => {
		if (!problems.has(name)) problems.set(name, message);
	};
	if (home === 'production') {
		for (const [name, what] of PRODUCTION_NEEDS)
			if (!env[name]) add(name, `required in production: ${what}`);
		if (!supabaseAuthChosen(env) && !env.JWT_SECRET)
			add(
				'JWT_SECRET',
				'required in production: the token secret, 32 characters or more (no disk to keep a generated one), unless Supabase Auth signs the tokens (SUPABASE_URL)'
			);
		if (env.SUPABASE_URL && !env.SUPABASE_URL.startsWith('https://'))
			add('SUPABASE_URL', 'must be https:// in production (passwords and tokens travel to it)');
		if (env.ORIGIN && !env.ORIGIN.startsWith('https://'))
			add('ORIGIN', 'must be https:// in production (sign-in cookies are only sent over TLS)');
		if (env.NEXUS_DEMO_DATA)
			add('NEXUS_DEMO_DATA', 'demo accounts have a published password: never in production');
		if (env.NEXUS_WORKFLOWS === 'off')
			add('NEXUS_WORKFLOWS', '`off` in production would never send a notification');
	}
	if (home === 'server' && !env.DATABASE_URL)
		add('DATABASE_URL', 'required with NEXUS_HOME=server (the database to serve)');
	if (home === 'embedded' && env.DATABASE_URL)
		add('DATABASE_URL', 'set, but NEXUS_HOME=embedded runs its own database');
	for (const [name, message] of supabaseProblems(env, home)) add(name, message);
	if (env.NEXUS_LIVE === 'supabase') {
		// Realtime reads the project's own realtime.messages: the embedded database's never reach it.
		if (home === 'embedded')
			add(
				'NEXUS_LIVE',
				'`supabase` needs the Supabase database (DATABASE_URL), not the embedded one'
			);
		if (!env.SUPABASE_URL)
			add('SUPABASE_URL', 'required with NEXUS_LIVE=supabase (browsers join its Realtime)');
	}
	for (const [names, what] of GROUPS) {
		const set = names.filter((n) => env[n] !== undefined);
		if (set.length && set.length < names.length)
			for (const n of names.filter((n) => env[n] === undefined))
				add(n, `required with ${set.join(', ')} (${what}: all or none)`);
	}
	const inngest =
		env.NEXUS_WORKFLOWS === 'inngest' ||
		(env.NEXUS_WORKFLOWS === undefined && (env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY));
	if (inngest || (home === 'production' && serverless(env)))
		for (const n of ['INNGEST_EVENT_KEY', 'INNGEST_SIGNING_KEY'] as const)
			if (!env[n])
				add(
					n,
					inngest
						? 'required when Inngest runs the workflows'
						: 'required on a serverless host (no process stays up to send reminders)'
				);
	return [...problems];
}

/**
 * How browsers receive live updates: Supabase Realtime when asked (`NEXUS_LIVE=supabase`) or,
 * outside the embedded home, when the project is configured; otherwise this server's stream.
 */
export function liveTransportOf(env: ServerEnv): LiveTransportConfig {
	const chosen =
		env.NEXUS_LIVE ?? (env.home !== 'embedded' && env.SUPABASE_URL ? 'supabase' : 'sse');
	const anonKey = env.SUPABASE_PUBLISHABLE_KEY ?? env.SUPABASE_ANON_KEY;
	return chosen === 'supabase' && env.SUPABASE_URL && anonKey
		? { kind: 'supabase', url: env.SUPABASE_URL, anonKey }
		: { kind: 'sse' };
}

/** The one name of each Supabase key that is set (two names each: the new one and the legacy one). */
const SUPABASE_KEYS = [
	['SUPABASE_PUBLISHABLE_KEY', 'SUPABASE_ANON_KEY', 'the publishable key'],
	[
		'SUPABASE_SECRET_KEY',
		'SUPABASE_SERVICE_ROLE_KEY',
		'the secret key (add-a-child uses the admin API)'
	]
] as const;

/** Supabase Auth signs people in when the project is set, unless NEXUS_AUTH=local keeps ours. */
const supabaseAuthChosen = (env: ParsedEnv) =>
	Boolean(env.SUPABASE_URL) && env.NEXUS_AUTH !== 'local';

/**
 * Supabase Auth is configured completely or not at all, on the project's own database. With
 * NEXUS_AUTH=local the project serves Realtime only: its public key, never the secret one.
 */
function supabaseProblems(env: ParsedEnv, home: ServerHome): Problem[] {
	const problems: Problem[] = [];
	const keysSet = SUPABASE_KEYS.flatMap(([a, b]) => [a, b]).filter((n) => env[n]);
	if (!env.SUPABASE_URL) {
		for (const name of keysSet) problems.push([name, 'set, but SUPABASE_URL is not']);
		if (env.NEXUS_AUTH === 'supabase')
			problems.push(['SUPABASE_URL', 'required with NEXUS_AUTH=supabase (the project)']);
		return problems;
	}
	if (!supabaseAuthChosen(env)) {
		const [[publishable, anon], [secret, serviceRole]] = SUPABASE_KEYS;
		if (!env[publishable] && !env[anon])
			problems.push([publishable, `required with SUPABASE_URL (the publishable key; or ${anon})`]);
		for (const name of [secret, serviceRole])
			if (env[name]) problems.push([name, 'set, but NEXUS_AUTH=local signs people in itself']);
		return problems;
	}
	for (const [current, legacy, what] of SUPABASE_KEYS) {
		if (!env[current] && !env[legacy])
			problems.push([current, `required with SUPABASE_URL (${what}; or ${legacy})`]);
		if (env[current] && env[legacy])
			problems.push([legacy, `set beside ${current}: keep one of them`]);
	}
	if (home === 'embedded')
		problems.push([
			'SUPABASE_URL',
			'Supabase Auth keeps its users and sessions in the project’s database: set DATABASE_URL to it (the embedded home runs its own)'
		]);
	return problems;
}

/** Supabase Auth's settings when it is the identity provider (checked by readServerEnv). */
export function supabaseAuthOf(env: ServerEnv) {
	if (!env.SUPABASE_URL || !supabaseAuthChosen(env)) return null;
	return {
		url: env.SUPABASE_URL,
		publishableKey: (env.SUPABASE_PUBLISHABLE_KEY ?? env.SUPABASE_ANON_KEY)!,
		secretKey: (env.SUPABASE_SECRET_KEY ?? env.SUPABASE_SERVICE_ROLE_KEY)!
	};
}

/** Read and check the configuration; throws one error listing every problem. */
export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
	const given = Object.entries(source).filter(([, v]) => v !== undefined && v !== '');
	const parsed = EnvSchema.safeParse(Object.fromEntries(given));
	const issues = parsed.success ? [] : parsed.error.issues;
	const problems = issues.map((i) => `${i.path.join('.')}: ${i.message}`);
	// The home's rules still run on the well-formed rest; a malformed variable is named once.
	const malformed = new Set(issues.map((i) => String(i.path[0])));
	const env = parsed.success
		? parsed.data
		: EnvSchema.parse(Object.fromEntries(given.filter(([k]) => !malformed.has(k))));
	const home = homeOf(env);
	for (const [name, message] of homeProblems(env, home))
		if (!malformed.has(name)) problems.push(`${name}: ${message}`);
	if (problems.length)
		throw new Error(
			`Invalid configuration for the ${home} home (${problems.length === 1 ? '1 problem' : `${problems.length} problems`}): ${problems.join('; ')}`
		);
	return { ...env, home };
}
