import type { Sql, TransactionSql } from 'postgres';

/** The JWT claims PostgREST would hand Postgres: `sub`, `role`, and our `user_role`. */
export interface JwtClaims {
	sub: string;
	role: 'authenticated';
	/** The sign-in session (`auth.sessions.id`) the token belongs to, as in Supabase's tokens. */
	session_id: string;
	email?: string;
	user_role?: string;
	[claim: string]: unknown;
}

export type Tx = TransactionSql;

/**
 * Run `fn` in one transaction as the signed-in user, exactly as Supabase's
 * PostgREST does: the claims become `request.jwt.claims` and the role becomes
 * `authenticated`, so `auth.uid()` and every RLS policy apply. Both settings
 * are transaction-local and vanish at commit.
 *
 * The same statement checks that the token's sign-in session is still live
 * (`private.assert_live_session`, evaluated after the two settings): a signed-out
 * or replayed session fails with NB_SESSION_ENDED before `fn` runs, at no extra
 * round trip.
 */
export function runAsUser<T>(sql: Sql, claims: JwtClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return sql.begin(async (tx) => {
		await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
			set_config('role', 'authenticated', true),
			private.assert_live_session()`;
		return fn(tx);
	}) as Promise<T>;
}

/** The error `runAsUser` fails with when the token's session has ended. */
export const isSessionEnded = (error: unknown) =>
	typeof (error as { message?: unknown })?.message === 'string' &&
	(error as { message: string }).message.startsWith('NB_SESSION_ENDED');

/**
 * The service path, for workflows and the identity adapter (never for a
 * user's request): `service_role` bypasses RLS but holds only table grants.
 */
export function runAsService<T>(sql: Sql, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return sql.begin(async (tx) => {
		await tx`select set_config('role', 'service_role', true),
			set_config('request.jwt.claims', '{"role":"service_role"}', true)`;
		return fn(tx);
	}) as Promise<T>;
}
