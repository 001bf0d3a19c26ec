/**
 * The phone rule is written once in TypeScript (core/schemas.ts) and enforced by the
 * `profiles.phone` check constraint: both must say the same thing.
 */
import { describe, expect, it } from 'vitest';
import { OptionalPhoneSchema, PHONE_PATTERN } from '$lib/core/schemas';
import { ContactPreferencesSchema } from '$lib/features/coaches/profile.server';
import { ParentSignUpSchema } from './schemas';
import { fileSql } from '../../../../tests/support/db';

const sql = fileSql();

const SAMPLES = [
	'+33 6 12 34 56 78',
	'06.12.34.56.78',
	'(0262) 12-34',
	'12345',
	'123456',
	'abcdefg'
];
const LONG = '+' + '1'.repeat(20);

describe('the phone rule', () => {
	it('is the profiles.phone check constraint, to the letter', async () => {
		const [row] = await sql<{ definition: string }[]>`
			select pg_get_constraintdef(c.oid) as definition
			from pg_constraint c
			where c.conrelid = 'public.profiles'::regclass and c.contype = 'c'
				and pg_get_constraintdef(c.oid) like '%phone%'`;
		expect(row!.definition).toContain(`'${PHONE_PATTERN.source}'`);
	});

	it('accepts and refuses the same numbers as PostgreSQL', async () => {
		for (const phone of [...SAMPLES, LONG]) {
			const [row] = await sql<{ ok: boolean }[]>`select ${phone} ~ ${PHONE_PATTERN.source} as ok`;
			expect(OptionalPhoneSchema.safeParse(phone).success, phone).toBe(row!.ok);
		}
	});

	it('is the one used by sign-up and the coach profile, with the same code', () => {
		const signUp = (phone: string) =>
			ParentSignUpSchema.safeParse({
				email: 'ines@example.fr',
				password: 'a-long-password',
				firstName: 'Inès',
				lastName: 'Lefèvre',
				phone
			});
		const contact = (phone: string) =>
			ContactPreferencesSchema.safeParse({ timeZone: 'Europe/Paris', phone });
		for (const phone of [...SAMPLES, LONG]) {
			const expected = PHONE_PATTERN.test(phone);
			expect(signUp(phone).success, phone).toBe(expected);
			expect(contact(phone).success, phone).toBe(expected);
		}
		expect(signUp('12').error?.issues[0]?.message).toBe('INVALID_PHONE');
		expect(contact('12').error?.issues[0]?.message).toBe('INVALID_PHONE');
		// Empty means "no phone" in both.
		expect(signUp('  ').data?.phone ?? null).toBeNull();
		expect(contact('').data?.phone).toBeNull();
	});
});
