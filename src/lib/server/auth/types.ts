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
}

/** Stable codes the routes map to messages and HTTP statuses. */
export class AuthError extends Error {
	constructor(
		readonly code: 'INVALID_CREDENTIALS' | 'EMAIL_TAKEN' | 'FORBIDDEN',
		message: string
	) {
		super(message);
	}
}
