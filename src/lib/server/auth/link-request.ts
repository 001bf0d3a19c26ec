import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { HOME_BY_ROLE } from '$lib/core/roles';
import { fieldCodes } from '$lib/core/schemas';
import { readServerEnv } from '../config/env';
import { browserSession } from './index';
import {
	RateLimitedError,
	limitLinkRequest,
	limitLinkUse,
	retryLater,
	type LinkKind
} from './rate-limit';
import { AuthError, type AppUser, type BrowserSession, type EmailLink } from './types';

/**
 * The one action behind "email me a link" (`/forgot`, `/login/link`): parse the address, count
 * the request against its limits, then answer the same whether or not an account uses it. The
 * link is made and mailed after the answer, so neither the words nor the time tell who has an
 * account (with Supabase Auth, its own request and mail leave after the answer too).
 */
export async function requestEmailLink(
	event: Pick<RequestEvent, 'request' | 'getClientAddress' | 'setHeaders' | 'url'>,
	link: {
		kind: LinkKind;
		schema: z.ZodType<{ email: string }>;
		/** The page that spends the link, e.g. `/reset`. */
		path: string;
		start: (email: string, page: string) => Promise<EmailLink | null>;
		/** Mails a link the app made itself (never called when the provider mails its own). */
		mail: (made: EmailLink & { page: string }) => Promise<void>;
	}
) {
	const form = Object.fromEntries(await event.request.formData());
	const email = typeof form.email === 'string' ? form.email.slice(0, 254) : '';
	const parsed = link.schema.safeParse(form);
	if (!parsed.success) return fail(400, { email, fields: fieldCodes(parsed.error) });
	try {
		await limitLinkRequest(link.kind, {
			email: parsed.data.email,
			clientAddress: event.getClientAddress()
		});
	} catch (error) {
		if (!(error instanceof RateLimitedError)) throw error;
		const retryMinutes = retryLater(error, event.setHeaders);
		return fail(429, { email, error: 'RATE_LIMITED' as const, retryMinutes });
	}
	// The configured origin when there is one: a link built from the request's Host header
	// could point a victim's mail at a host the requester chose.
	const env = readServerEnv();
	const page = `${(env.APP_URL ?? env.ORIGIN ?? event.url.origin).replace(/\/$/, '')}${link.path}`;
	void link
		.start(parsed.data.email, page)
		.then((made) => made && link.mail({ ...made, page }))
		.catch((error: Error) => console.error(`[auth] ${link.kind} link not sent:`, error.message));
	return { sent: parsed.data.email };
}

/**
 * The one action behind opening a mailed link (`/reset`, `/auth/magic`): spend it within the
 * per-address limit on failures, sign this browser in and go home; a link that does not work
 * (or a password it cannot set) is said with the code `refused` gives it.
 */
export async function spendEmailLink<Refusal extends string>(
	event: Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress' | 'setHeaders'>,
	link: {
		kind: LinkKind;
		token: string;
		spend: (session: BrowserSession) => Promise<AppUser>;
		refused: (error: AuthError) => Refusal;
	}
) {
	try {
		const session = await browserSession(event);
		const user = await limitLinkUse(link.kind, event.getClientAddress(), () => link.spend(session));
		redirect(303, HOME_BY_ROLE[user.role]);
	} catch (error) {
		if (error instanceof AuthError) return fail(400, { error: link.refused(error) });
		if (error instanceof RateLimitedError) {
			const retryMinutes = retryLater(error, event.setHeaders);
			return fail(429, { error: 'RATE_LIMITED' as const, token: link.token, retryMinutes });
		}
		throw error;
	}
}
