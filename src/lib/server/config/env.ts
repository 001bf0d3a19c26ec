import { z } from 'zod';

/**
 * Server configuration, validated once. Everything is optional: with no
 * environment at all the app runs on the embedded PostgreSQL with demo data.
 */
const booleanFlag = z
	.enum(['1', '0', 'true', 'false', 'yes', 'no'])
	.transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
	DATABASE_URL: z.string().url().optional(),
	NEXUS_DATA_DIR: z.string().min(1).default('.data'),
	/** HS256 secret for the local identity adapter; generated and persisted in the data dir when absent. */
	JWT_SECRET: z.string().min(32).optional(),
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
	INNGEST_SIGNING_KEY: z.string().min(1).optional()
});

export type ServerEnv = z.infer<typeof EnvSchema>;

export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
	const parsed = EnvSchema.safeParse(
		Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
	);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid server environment: ${problems}`);
	}
	return parsed.data;
}
