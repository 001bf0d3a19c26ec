/**
 * One catalogue of error messages: every code the server can emit (the API's codes, what the
 * database errors map to, every NB_ code an SQL function raises) and the browser's own codes have
 * a French and an English sentence; field errors never show zod's or a regex's own text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES, ERROR_CODES } from '$lib/core/errors';
import { fieldCodes } from '$lib/core/schemas';
import { ChildAccountSchema, ParentSignUpSchema } from '$lib/features/people/schemas';
import { ContactPreferencesSchema } from '$lib/features/coaches/profile.server';
import { CONSTRAINT_CODES, RPC_CODES } from '$lib/server/http/db-errors';
import { createI18n, errorText, fieldMessages, LOCALES } from './';
import { errorMessages } from './messages/errors';

const FUNCTIONS_SQL = new URL('../../../supabase/schema/functions.sql', import.meta.url);

describe('the error catalogue', () => {
	it('words every API and client code, in French and in English', () => {
		for (const code of [...ERROR_CODES, ...CLIENT_ERROR_CODES]) {
			const key = `error.${code}` as keyof typeof errorMessages.fr;
			expect(errorMessages.fr[key], `fr ${code}`).toBeTruthy();
			expect(errorMessages.en[key], `en ${code}`).toBeTruthy();
			expect(errorMessages.fr[key]).not.toBe(errorMessages.en[key]);
		}
	});

	it('covers every code a database error maps to, and every NB_ code SQL raises', () => {
		const mapped = [...Object.values(RPC_CODES), ...Object.values(CONSTRAINT_CODES)];
		for (const { code } of mapped) expect(ERROR_CODES).toContain(code);
		const raised = new Set(readFileSync(FUNCTIONS_SQL, 'utf8').match(/NB_[A-Z_]+/g));
		expect(raised.size).toBeGreaterThan(10);
		for (const nb of raised) expect(Object.keys(RPC_CODES), nb).toContain(nb);
	});

	it('reads an unknown code as the generic message, never as the code itself', () => {
		const i18n = createI18n(() => 'fr');
		expect(errorText(i18n, 'SOMETHING_NEW')).toBe(errorMessages.fr['error.INTERNAL']);
		expect(errorText(i18n, undefined)).toBe(errorMessages.fr['error.INTERNAL']);
	});
});

describe('field errors on forms', () => {
	const forms = [
		fieldCodes(
			ParentSignUpSchema.safeParse({
				email: 'pas-une-adresse',
				password: 'court',
				firstName: '',
				lastName: 'x'.repeat(81),
				phone: '12'
			}).error!
		),
		fieldCodes(ChildAccountSchema.safeParse({ email: 'a@b.fr', password: 'é'.repeat(40) }).error!),
		fieldCodes(
			ContactPreferencesSchema.safeParse({ timeZone: 'Mars/Olympus', phone: '', notifySms: 'on' })
				.error!
		),
		fieldCodes(ParentSignUpSchema.safeParse({ firstName: 'Inès\u0007' }).error!)
	];

	it('are stable codes, not zod’s English', () => {
		const codes = forms.flatMap((fields) => Object.values(fields).flat());
		expect(new Set(codes)).toEqual(
			new Set([
				'INVALID_EMAIL',
				'TOO_SHORT:10',
				'REQUIRED',
				'TOO_LONG:80',
				'INVALID_PHONE',
				'PASSWORD_TOO_LONG',
				'UNKNOWN_TIME_ZONE',
				'PHONE_REQUIRED_FOR_SMS',
				'CONTROL_CHARACTERS'
			])
		);
	});

	it('read in the user’s language, each one its own sentence', () => {
		for (const locale of LOCALES) {
			const i18n = createI18n(() => locale);
			for (const fields of forms) {
				for (const codes of Object.values(fields)) {
					for (const text of fieldMessages(i18n, codes)!) {
						expect(text).not.toMatch(/expected|Invalid input|\/\^|must|\{n\}/);
						expect(text).not.toBe(i18n.t('validation.INVALID'));
					}
				}
			}
		}
		const fr = createI18n(() => 'fr');
		expect(fieldMessages(fr, ['TOO_SHORT:10'])).toEqual(['Trop court : 10 caractères au moins.']);
		expect(fieldMessages(fr, ['Some English sentence'])).toEqual(['Valeur invalide.']);
	});
});
