import type { Cookies } from '@sveltejs/kit';
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

/** A one-time link the app mails itself (the local adapter); Supabase Auth mails its own. */
export interface EmailLink {
	userId: string;
	token: string;
}

/**
 * One browser's sign-in session, carried by its cookies (httpOnly, SameSite=Lax, Secure over
 * https: only the server ever reads them). Made once per request (`browserSession(event)`);
 * what it signs in or out is written to that request's cookies.
 */
export interface BrowserSession {
	/** The signed-in person, verified; an expired access token is renewed (rotated) first. */
	user(): Promise<AppUser | null>;
	signIn(email: string, password: string): Promise<AppUser>;
	signUp(input: ParentSignUp): Promise<AppUser>;
	/** End this sign-in session, and with it every copy of its tokens, then forget the cookies. */
	signOut(): Promise<void>;
	/**
	 * Choose a new password with a reset link's token: the token is spent, every other session
	 * of the account ends (a thief signed in is signed out), and this browser is signed in.
	 */
	completePasswordReset(token: string, password: string): Promise<AppUser>;
	/** Sign in with a sign-in link's token, spent by it. */
	completeMagicLink(token: string): Promise<AppUser>;
	/**
	 * This session's access token for the browser to hand another service (Supabase Realtime),
	 * renewed first when it has less than `renewWithinSeconds` left; null when signed out.
	 */
	accessToken(renewWithinSeconds: number): Promise<{ token: string; expiresAt: number } | null>;
	/**
	 * `Set-Cookie` values that forget this session and remember why, for a response already
	 * built (the handle hook learns only from the answer that the session has ended).
	 */
	endedCookies(): string[];
}

/**
 * What the app needs from an identity provider: the local adapter (bcrypt + jose, for the
 * embedded default) and the Supabase Auth adapter (`@supabase/ssr`) implement the same surface
 * with the same claims (`sub`, `role`, `session_id`, `user_role`).
 */
export interface IdentityProvider {
	readonly kind: 'local' | 'supabase';
	/** The session this request's cookies carry; `secure` when the request came over https. */
	forRequest(cookies: Cookies, options: { secure: boolean }): BrowserSession;
	/** API clients (`Authorization: Bearer`): a password grant. */
	signInWithPassword(email: string, password: string): Promise<IssuedSession>;
	/** Verify an access token; null when invalid or expired. */
	verifyAccessToken(token: string): Promise<AppUser | null>;
	/** Rotate a refresh token into a new session; null when revoked or unknown. */
	refresh(refreshToken: string): Promise<IssuedSession | null>;
	createChildAccount(parent: AppUser, input: ChildAccount): Promise<{ studentId: string }>;
	/**
	 * Begin a password reset; `redirectTo` is the page that completes it. The local adapter
	 * returns a one-time token (valid for an hour) for the app to mail through its email
	 * channel; Supabase Auth mails its own link and returns null. An unknown address returns
	 * null too: callers answer the same either way.
	 */
	startPasswordReset(email: string, redirectTo: string): Promise<EmailLink | null>;
	/** Begin a sign-in by link, as `startPasswordReset` (never creates an account). */
	startMagicLink(email: string, redirectTo: string): Promise<EmailLink | null>;
}

/** How long a password-reset link works (GoTrue's recovery links: one hour by default). */
export const RESET_TOKEN_TTL_SECONDS = 60 * 60;
/** How long a sign-in link works (GoTrue's mailer OTP expiry: one hour by default). */
export const MAGIC_LINK_TTL_SECONDS = 60 * 60;

/** Stable codes the routes map to messages and HTTP statuses. */
export class AuthError extends Error {
	constructor(
		readonly code:
			| 'INVALID_CREDENTIALS'
			| 'EMAIL_TAKEN'
			| 'FORBIDDEN'
			| 'INVALID_RESET_LINK'
			| 'INVALID_SIGN_IN_LINK'
			| 'PASSWORD_REFUSED',
		message: string
	) {
		super(message);
	}
}
