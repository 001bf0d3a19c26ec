import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { plainText } from '$lib/core/schemas';
import { SignInSchema } from '$lib/features/people/schemas';
import { AuthError, identity, type IssuedSession } from '$lib/server/auth';
import { limitSignIn } from '$lib/server/auth/rate-limit';
import { ApiError } from '$lib/server/http/errors';
import { api, readJson } from '$lib/server/http/handler';

// GoTrue-style: a password grant by default, or `grant_type: refresh_token`.
const TokenRequest = z.union([
	SignInSchema.extend({ grant_type: z.literal('password').optional() }),
	z.object({
		grant_type: z.literal('refresh_token'),
		// Ours are 43 characters; Supabase Auth's are 12 (its first algorithm) or longer.
		refresh_token: plainText('The refresh token').min(12).max(200)
	})
]);

const tokenResponse = (s: IssuedSession) =>
	json({
		access_token: s.accessToken,
		token_type: 'bearer',
		expires_in: s.expiresIn,
		refresh_token: s.refreshToken,
		user: { id: s.user.id, email: s.user.email, role: s.user.role }
	});

export const POST = api(async (event) => {
	const body = await readJson(event, TokenRequest);
	const provider = await identity();
	if ('refresh_token' in body) {
		const session = await provider.refresh(body.refresh_token);
		if (!session)
			throw new ApiError(401, 'UNAUTHENTICATED', 'The refresh token is invalid or revoked');
		return tokenResponse(session);
	}
	const { email, password } = body;
	try {
		// Past the limit this throws RateLimitedError: api() answers 429 with Retry-After.
		const session = await limitSignIn({ email, clientAddress: event.getClientAddress() }, () =>
			provider.signInWithPassword(email, password)
		);
		return tokenResponse(session);
	} catch (error) {
		if (error instanceof AuthError)
			throw new ApiError(401, 'INVALID_CREDENTIALS', 'Invalid email or password');
		throw error;
	}
});
