import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import {
	ChildAccountSchema,
	PASSWORD_MAX_BYTES,
	PASSWORD_TOO_LONG,
	ParentSignUpSchema,
	PasswordSchema
} from './schemas';

const issues = (password: string) =>
	PasswordSchema.safeParse(password).error?.issues.map((i) => i.message) ?? [];

describe('a new password', () => {
	it('may use all of bcrypt’s 72 bytes, counted in UTF-8', () => {
		expect(PASSWORD_MAX_BYTES).toBe(72);
		expect(issues('a'.repeat(72))).toEqual([]);
		expect(issues('é'.repeat(36))).toEqual([]); // 36 characters, 72 bytes
		expect(issues('😀'.repeat(18))).toEqual([]); // 18 emoji, 72 bytes
	});

	it('is refused, with a field message, as soon as bcrypt would ignore part of it', () => {
		for (const long of ['a'.repeat(73), 'é'.repeat(37), `${'😀'.repeat(18)}!`, 'x'.repeat(200)]) {
			expect(bcrypt.truncates(long)).toBe(true);
			expect(issues(long)).toEqual([PASSWORD_TOO_LONG]);
		}
	});

	it('is checked in the sign-up and add-a-child forms', () => {
		const account = { email: 'ines@example.fr', firstName: 'Inès', lastName: 'Lefèvre' };
		for (const schema of [ParentSignUpSchema, ChildAccountSchema]) {
			const parsed = schema.safeParse({ ...account, password: 'é'.repeat(40) });
			expect(parsed.error?.issues).toEqual([
				expect.objectContaining({ path: ['password'], message: PASSWORD_TOO_LONG })
			]);
		}
	});
});
