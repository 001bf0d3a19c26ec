import { fail, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldCodes } from '$lib/core/schemas';
import { AuthError } from './index';
import { RateLimitedError, limitAccountCreation } from './rate-limit';

type Fields = Record<string, string[]>;

/** What a refused account form gets back: what was typed (never the password) and why. */
export interface AccountFormFailure {
	values: Record<string, string>;
	fields: Fields;
	error: 'EMAIL_TAKEN' | 'RATE_LIMITED' | null;
	retryMinutes?: number;
}

/**
 * The one action behind the sign-up and add-a-child forms: parse `input` with `schema`, create
 * the account within the per-address limit, and answer a refusal as `fail()` with the typed
 * `echo` fields, field codes, EMAIL_TAKEN (409) or RATE_LIMITED (429, Retry-After).
 */
export async function submitAccountForm<S extends z.ZodType, R>(
	event: Pick<RequestEvent, 'getClientAddress' | 'setHeaders'>,
	schema: S,
	input: Record<string, unknown>,
	echo: readonly string[],
	create: (data: z.infer<S>) => Promise<R>
) {
	const values = Object.fromEntries(echo.map((key) => [key, String(input[key] ?? '')]));
	const refuse = (status: number, failure: Omit<AccountFormFailure, 'values'>) =>
		({ ok: false, failure: fail(status, { values, ...failure }) }) as const;
	const parsed = schema.safeParse(input);
	if (!parsed.success) return refuse(400, { fields: fieldCodes(parsed.error), error: null });
	try {
		const created = await limitAccountCreation(event.getClientAddress(), () => create(parsed.data));
		return { ok: true, created, data: parsed.data as z.infer<S> } as const;
	} catch (error) {
		if (error instanceof AuthError && error.code === 'EMAIL_TAKEN') {
			return refuse(409, { fields: {}, error: 'EMAIL_TAKEN' });
		}
		// Supabase Auth's own password policy (leaked-password protection) may refuse one ours
		// accepted: said on the field, like any other refusal of it.
		if (error instanceof AuthError && error.code === 'PASSWORD_REFUSED') {
			return refuse(400, { fields: { password: ['PASSWORD_REFUSED'] }, error: null });
		}
		if (error instanceof RateLimitedError) {
			event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
			const retryMinutes = Math.ceil(error.retryAfterSeconds / 60);
			return refuse(429, { fields: {}, error: 'RATE_LIMITED', retryMinutes });
		}
		throw error;
	}
}
