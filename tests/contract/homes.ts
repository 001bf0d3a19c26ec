import { randomBytes } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { inject } from 'vitest';
import type { AppUser, EmailLink, IdentityProvider } from '../../src/lib/server/auth/types';
import { createTokenSigner } from '../../src/lib/server/auth/jwt';
import { createLocalIdentityProvider } from '../../src/lib/server/auth/local-provider';
import { createSupabaseIdentityProvider } from '../../src/lib/server/auth/supabase-provider';
import { privateDatabase } from '../support/test-database';
import {
	ACCOUNTS,
	KEYS,
	startGoTrueReplay,
	writeGoTrueUser,
	type Recording
} from './gotrue-replay';

export type LinkKind = 'reset' | 'signIn';

/** One identity adapter, on a database of its own, and what its test needs to drive it. */
export interface Home {
	provider: IdentityProvider;
	/** Superuser on that database: to look, never to act for the adapter. */
	sql: Sql;
	/** Before a behaviour: the GoTrue exchanges it is expected to make (Supabase only). */
	exchanges(recording: string): void;
	/** After it: every expected exchange made, none other (Supabase only). */
	done(): void;
	/** The token of the link just mailed: returned by the local adapter, recorded for GoTrue's. */
	mailedToken(kind: LinkKind, started: EmailLink | null): string;
	/** The token of a link mailed over an hour ago. */
	expiredToken(kind: LinkKind, email: string): Promise<string>;
	/** An access token for `user` signed with another key than the adapter's. */
	forgedToken(user: AppUser): Promise<string>;
	close(): Promise<void>;
}

/** The accounts every test starts with, on a fresh copy of the migrated test database. */
export async function contractDatabase() {
	const db = await privateDatabase(inject('databaseUrl'));
	const sql = postgres(db.url, { max: 4, onnotice: () => {} });
	for (const account of Object.values(ACCOUNTS).filter((a) => a.exists))
		await writeGoTrueUser(sql, account, {
			user: account.user.user_metadata,
			app: account.user.app_metadata
		});
	return {
		sql,
		url: db.url,
		async close() {
			await sql.end({ timeout: 5 });
			await db.drop();
		}
	};
}

export async function localHome(): Promise<Home> {
	const db = await contractDatabase();
	const provider = createLocalIdentityProvider(async () => db.sql, randomBytes(32).toString('hex'));
	return {
		provider,
		sql: db.sql,
		exchanges: () => {},
		done: () => {},
		mailedToken(_kind, started) {
			if (!started) throw new Error('the local adapter returned no link to mail');
			return started.token;
		},
		async expiredToken(kind, email) {
			const start = kind === 'reset' ? provider.startPasswordReset : provider.startMagicLink;
			const started = await start(email, 'https://sessions.test/page');
			const column = kind === 'reset' ? 'recovery_sent_at' : 'confirmation_sent_at';
			await db.sql`update auth.users set ${db.sql(column)} = now() - interval '61 minutes'
				where email = ${email}`;
			return started!.token;
		},
		forgedToken: (user) =>
			createTokenSigner(randomBytes(32).toString('hex')).sign(user, user.claims.session_id),
		close: db.close
	};
}

export async function supabaseHome(): Promise<Home> {
	const db = await contractDatabase();
	const replay = await startGoTrueReplay(db.sql);
	const provider = createSupabaseIdentityProvider(
		{ url: replay.url, publishableKey: KEYS.publishable, secretKey: KEYS.secret },
		async () => db.sql
	);
	let recording: Recording | null = null;
	const recorded = (field: 'mailed' | 'expired', kind: LinkKind) => {
		const token = recording?.[field]?.[kind];
		if (!token) throw new Error(`the recording has no ${field} ${kind} link`);
		return token;
	};
	return {
		provider,
		sql: db.sql,
		exchanges(name) {
			recording = replay.expect(name);
		},
		done: () => replay.done(),
		mailedToken: (kind) => recorded('mailed', kind),
		expiredToken: async (kind) => recorded('expired', kind),
		forgedToken: (user) => replay.forgedToken(user.claims),
		async close() {
			await replay.close();
			await db.close();
		}
	};
}
