import { z } from 'zod';
import { OptionalPhoneSchema, plainText, trimmed } from '$lib/core/schemas';

export const EmailSchema = trimmed(254, 'The email').toLowerCase().email();
/**
 * bcrypt reads only the first 72 bytes of a password and ignores the rest, so a longer one would
 * be silently cut: refuse it where it is chosen. UTF-8 bytes, not characters (é is 2, 😀 is 4).
 */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_TOO_LONG = `Use at most ${PASSWORD_MAX_BYTES} bytes (an accented letter counts as 2, an emoji as 4)`;
export const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export const PasswordSchema = plainText('The password')
	.min(10)
	.refine((password) => utf8Length(password) <= PASSWORD_MAX_BYTES, {
		error: PASSWORD_TOO_LONG,
		params: { code: 'PASSWORD_TOO_LONG' }
	});
const Name = trimmed(80, 'The name');

// Sign-in keeps the old bound: an account made before the 72-byte rule still signs in
// (bcrypt compares its first 72 bytes, as when it was created).
export const SignInSchema = z.object({
	email: EmailSchema,
	password: plainText('The password').min(1).max(200)
});

export const ParentSignUpSchema = z.object({
	email: EmailSchema,
	password: PasswordSchema,
	firstName: Name,
	lastName: Name,
	phone: OptionalPhoneSchema.optional(),
	locale: z.enum(['fr', 'en']).default('fr')
});

export const ChildAccountSchema = z.object({
	email: EmailSchema,
	password: PasswordSchema,
	firstName: Name,
	lastName: Name
});

/** "Email me a link" (a password reset, a sign-in link): the account's address. */
export const LinkRequestSchema = z.object({ email: EmailSchema });

/**
 * A mailed link's token: the local adapter's (32 random bytes, base64url) or Supabase Auth's
 * token hash (SHA-224, hex; `pkce_` first when it was asked in the PKCE flow).
 */
export const LinkTokenSchema = z
	.string()
	.regex(/^(?:[A-Za-z0-9_-]{43}|(?:pkce_)?[0-9a-f]{56})$/, { error: 'Not a link token' });

/** The token a link carries: `token` in ours, `token_hash` in Supabase Auth's mail templates. */
export const linkTokenIn = (query: URLSearchParams) =>
	LinkTokenSchema.safeParse(query.get('token') ?? query.get('token_hash'));

export const NewPasswordSchema = z.object({ token: LinkTokenSchema, password: PasswordSchema });
export const SignInLinkSchema = z.object({ token: LinkTokenSchema });
