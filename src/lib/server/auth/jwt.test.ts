import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenSigner } from './jwt';
const ISSUER = 'nexus-sessions',
	AUDIENCE = 'authenticated';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const key = new TextEncoder().encode(SECRET);
const signer = createTokenSigner(SECRET);
const user = {
	id: '8d3f4a56-1c2b-4e5f-9a0b-1c2d3e4f5a6b',
	email: 'lucas@nexus.test',
	role: 'student' as const
};
const SESSION = '1b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0';

type Claim = 'exp' | 'iat' | 'iss' | 'aud' | 'sub' | 'session_id';

/** A token shaped like ours, signed with the real key, with some claims left out or changed. */
async function forge(options: { omit?: Claim[]; claims?: JWTPayload } = {}) {
	const omit = new Set(options.omit);
	const now = Math.floor(Date.now() / 1000);
	const payload: JWTPayload = {
		role: 'authenticated',
		email: user.email,
		user_role: user.role,
		sub: user.id,
		session_id: SESSION,
		iss: ISSUER,
		aud: AUDIENCE,
		iat: now,
		exp: now + 600,
		...options.claims
	};
	for (const claim of omit) delete payload[claim];
	return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
}

describe('access token verification', () => {
	it('accepts the tokens it signs, with the session they belong to', async () => {
		const verified = await signer.verify(await signer.sign(user, SESSION));
		expect(verified).toMatchObject({ id: user.id, email: user.email, role: 'student' });
		expect(verified?.claims).toMatchObject({ session_id: SESSION, role: 'authenticated' });
		expect(await signer.verify(await forge())).not.toBeNull();
	});

	it.each<Claim>(['exp', 'iat', 'iss', 'aud', 'sub', 'session_id'])(
		'refuses a correctly signed token without %s',
		async (claim) => {
			expect(await signer.verify(await forge({ omit: [claim] }))).toBeNull();
		}
	);

	it('refuses another issuer, another audience, an expired token and an unsigned one', async () => {
		const now = Math.floor(Date.now() / 1000);
		const refused = [
			await forge({ claims: { iss: 'https://elsewhere.example/auth/v1' } }),
			await forge({ claims: { aud: 'anon' } }),
			await forge({ claims: { iat: now - 7200, exp: now - 3600 } }),
			new UnsecuredJWT({ sub: user.id, session_id: SESSION, user_role: 'admin' })
				.setIssuer(ISSUER)
				.setAudience(AUDIENCE)
				.setIssuedAt()
				.setExpirationTime('10m')
				.encode()
		];
		for (const token of refused) expect(await signer.verify(token)).toBeNull();
	});
});
