import { createClient, type Session, type SupabaseClient } from '@supabase/supabase-js';
import type { Sql } from 'postgres';
import { runAsService } from '../db/as-user';
import { supabaseBrowserSession } from './supabase-browser-session';
import { NOT_THESE_CREDENTIALS, STATELESS, appUserFromClaims, isRefusal } from './supabase-claims';
import { AuthError, type AppUser, type IdentityProvider, type IssuedSession } from './types';

export interface SupabaseAuthSettings {
	/** The project URL (`https://<ref>.supabase.co`); Auth answers under `/auth/v1`. */
	url: string;
	/** The publishable (or legacy anon) key: what every Auth request carries. */
	publishableKey: string;
	/** The secret (or legacy service_role) key: the admin API only, never leaves the server. */
	secretKey: string;
}

/**
 * Identity through Supabase Auth (GoTrue). Browsers keep their session in `@supabase/ssr`'s
 * cookies (supabase-browser-session.ts); API clients get Supabase's own tokens. Access tokens
 * are verified with `auth.getClaims()` against the project's JWKS (asymmetric signing keys:
 * verified here, no request per call). Sign-out deletes GoTrue's `auth.sessions` row in the
 * project's database, the one this app queries, so every access token of that session fails
 * private.assert_live_session at once, as with the local adapter.
 */
export function createSupabaseIdentityProvider(
	settings: SupabaseAuthSettings,
	getSql: () => Promise<Sql>
): IdentityProvider {
	// Verification only: getClaims(jwt) reads no session and writes none, so one client serves
	// every request (its JWKS cache is supabase-js's own, per project, ten minutes).
	const verifier = createClient(settings.url, settings.publishableKey, STATELESS);
	/** A client for one call that returns a session: its memory is dropped with it. */
	const stateless = (key = settings.publishableKey): SupabaseClient =>
		createClient(settings.url, key, STATELESS);

	async function verifyAccessToken(token: string) {
		const { data, error } = await verifier.auth.getClaims(token);
		return error || !data ? null : appUserFromClaims(data.claims);
	}

	/** A session GoTrue issued, as the app hands it out. */
	async function issued(session: Session): Promise<IssuedSession> {
		const user = await verifyAccessToken(session.access_token);
		if (!user) throw new Error('Supabase Auth issued an access token the app cannot use');
		return {
			accessToken: session.access_token,
			refreshToken: session.refresh_token,
			expiresIn: session.expires_in,
			user
		};
	}

	/** Password sign-in, the one way both the token endpoint and a browser sign in. */
	async function passwordGrant(client: SupabaseClient, email: string, password: string) {
		const { data, error } = await client.auth.signInWithPassword({
			email: email.trim().toLowerCase(),
			password
		});
		if (error && NOT_THESE_CREDENTIALS.has(error.code ?? ''))
			throw new AuthError('INVALID_CREDENTIALS', 'Invalid email or password');
		if (error || !data.session) throw error ?? new Error('Supabase Auth returned no session');
		return data.session;
	}

	const browser = {
		url: settings.url,
		publishableKey: settings.publishableKey,
		passwordGrant,
		stateless,
		verify: verifyAccessToken
	};

	return {
		kind: 'supabase',
		forRequest: (cookies, { secure }) => supabaseBrowserSession(browser, cookies, secure),
		signInWithPassword: async (email, password) =>
			issued(await passwordGrant(stateless(), email, password)),
		verifyAccessToken,

		async refresh(refreshToken) {
			const { data, error } = await stateless().auth.refreshSession({
				refresh_token: refreshToken
			});
			if (isRefusal(error)) return null;
			if (error || !data.session) throw error ?? new Error('Supabase Auth returned no session');
			return issued(data.session);
		},

		async createChildAccount(parent: AppUser, input) {
			if (parent.role !== 'parent')
				throw new AuthError('FORBIDDEN', 'Only a parent can add a child');
			const admin = stateless(settings.secretKey).auth.admin;
			// The role in app metadata (which only the admin API writes) is the one the profile
			// trigger reads; the names in user metadata, as the sign-up form's.
			const { data, error } = await admin.createUser({
				email: input.email,
				password: input.password,
				email_confirm: true,
				user_metadata: { first_name: input.firstName, last_name: input.lastName },
				app_metadata: { role: 'student' }
			});
			if (error?.code === 'email_exists')
				throw new AuthError('EMAIL_TAKEN', 'An account already uses this email address');
			if (error?.code === 'weak_password')
				throw new AuthError('PASSWORD_REFUSED', 'Supabase Auth refused this password');
			if (error || !data.user) throw error ?? new Error('Supabase Auth created no user');
			const studentId = data.user.id;
			try {
				await runAsService(
					await getSql(),
					(tx) =>
						tx`insert into public.parent_students (parent_id, student_id) values (${parent.id}, ${studentId})`
				);
			} catch (linkError) {
				// Two systems, no shared transaction: an account nobody's family holds would keep
				// its address taken, so it goes.
				const { error: undo } = await admin.deleteUser(studentId);
				if (undo) console.error('[auth] a child account could not be removed:', undo.message);
				throw linkError;
			}
			return { studentId };
		},

		async startPasswordReset(email, redirectTo) {
			// Supabase Auth mails its own link (its "Reset password" template, README: Deploy).
			const { error } = await stateless().auth.resetPasswordForEmail(email, { redirectTo });
			if (error) throw error;
			return null;
		},

		async startMagicLink(email, redirectTo) {
			const { error } = await stateless().auth.signInWithOtp({
				email,
				options: { shouldCreateUser: false, emailRedirectTo: redirectTo }
			});
			// An address without an account: GoTrue refuses to create one, and says so; the
			// person is answered the same as anyone.
			if (error && error.code !== 'otp_disabled') throw error;
			return null;
		}
	};
}
