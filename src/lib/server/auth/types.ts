import type { UserRole } from '$lib/core/roles';
import type { JwtClaims } from '../db/as-user';

/** The signed-in caller, resolved once per request in hooks.server.ts. */
export interface AppUser {
	id: string;
	email: string;
	role: UserRole;
	claims: JwtClaims;
}

export interface IssuedSession {
	accessToken: string;
	refreshToken: string;
	/** Seconds until the access token expires. */
	expiresIn: number;
	user: AppUser;
}

export interface ParentSignUp {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
	phone?: string | null;
	locale: 'fr' | 'en';
}

export interface ChildAccount {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/**
 * What the app needs from an identity provider. The local adapter (bcrypt +
 * jose, for the embedded default) implements it today; a Supabase Auth
 * adapter (`@supabase/ssr`) implements the same surface with the same claims.
 */
export interface IdentityProvider {
	readonly kind: 'local' | 'supabase';
	signInWithPassword(email: string, password: string): Promise<IssuedSession>;
	/** Verify an access token; null when invalid or expired. */
	verifyAccessToken(token: string): Promise<AppUser | null>;
	/** Rotate a refresh token into a new session; null when revoked or unknown. */
	refresh(refreshToken: string): Promise<IssuedSession | null>;
	/** End a sign-in session (named by a refresh token or a verified token's `session_id`). */
	signOut(session: { refreshToken?: string; sessionId?: string }): Promise<void>;
	signUpParent(input: ParentSignUp): Promise<IssuedSession>;
	createChildAccount(parent: AppUser, input: ChildAccount): Promise<{ studentId: string }>;
	/**
	 * Begin a password reset. The local adapter returns a one-time token (valid for an hour) for
	 * the app to mail through its email channel; Supabase Auth mails its own link and returns
	 * null. An unknown address returns null too: callers answer the same either way.
	 */
	startPasswordReset(email: string): Promise<{ token: string; userId: string } | null>;
	/**
	 * Choose a new password with a reset token: the token is spent, every session of the
	 * account ends (a thief signed in is signed out), and a new one begins.
	 */
	completePasswordReset(token: string, password: string): Promise<IssuedSession>;
}

/** How long a password-reset link works (GoTrue's recovery links: one hour by default). */
export const RESET_TOKEN_TTL_SECONDS = 60 * 60;

/** Stable codes the routes map to messages and HTTP statuses. */
export class AuthError extends Error {
	constructor(
		readonly code: 'INVALID_CREDENTIALS' | 'EMAIL_TAKEN' | 'FORBIDDEN' | 'INVALID_RESET_LINK',
		message: string
	) {
		super(message);
	}
}
