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
	NEXUS_DB_LOG: booleanFlag.optional()
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
