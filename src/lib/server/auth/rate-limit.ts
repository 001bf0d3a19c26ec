import { createHash } from 'node:crypto';
import { withService } from '../db';
import { addressBucket } from '../http/client-address';
import { RateLimitedError } from '../http/errors';

export { RateLimitedError };

/**
 * Brute-force limits (private.rate_limit_take, settings in app_settings 'rate_limit_*'):
 * failed sign-ins per account and per client address, accounts created per client address,
 * password-reset and sign-in-link mails per account and per address.
 * The counters are in PostgreSQL, so every server on the database shares them.
 */
export type RateLimitRule =
	| 'signin_account'
	| 'signin_ip'
	| 'signup_ip'
	| 'reset_account'
	| 'reset_ip'
	| 'magic_link_account'
	| 'magic_link_ip';

// Rule-specific digests: the table never holds an email or an address in clear.
const subject = (rule: RateLimitRule, value: string) =>
	createHash('sha256').update(`${rule}\0${value}`).digest('hex');

async function take(buckets: [RateLimitRule, string][]) {
	const rules = buckets.map(([rule]) => rule);
	const subjects = buckets.map(([rule, value]) => subject(rule, value));
	const [row] = await withService(
		(tx) => tx<{ wait: number }[]>`
			select private.rate_limit_take(${rules}::text[], ${subjects}::text[]) as wait`
	);
	if (row!.wait > 0) throw new RateLimitedError(row!.wait);
}

async function forgive(rule: RateLimitRule, value: string, all: boolean) {
	await withService(
		(tx) => tx`select private.rate_limit_forgive(${rule}, ${subject(rule, value)}, ${all})`
	);
}

/**
 * Count an attempt in each bucket before it is tried (so parallel guesses cannot slip past the
 * limit together), and give it back when it succeeded: only failures add up. `all` forgets the
 * bucket's earlier failures too (an account whose right password was given).
 */
async function countFailures<T>(
	buckets: [RateLimitRule, string, all: boolean][],
	attempt: () => Promise<T>
): Promise<T> {
	await take(buckets.map(([rule, value]) => [rule, value]));
	const result = await attempt();
	for (const [rule, value, all] of buckets) await forgive(rule, value, all);
	return result;
}

/**
 * Count a sign-in attempt against the account and the address before checking the password;
 * throws RateLimitedError instead of calling `signIn` once either is spent.
 */
export function limitSignIn<T>(
	attempt: { email: string; clientAddress: string },
	signIn: () => Promise<T>
): Promise<T> {
	return countFailures(
		[
			['signin_account', attempt.email.trim().toLowerCase(), true],
			['signin_ip', addressBucket(attempt.clientAddress), false]
		],
		signIn
	);
}

/** Count an account creation (sign-up, add a child) against the client's address. */
export async function limitAccountCreation<T>(clientAddress: string, create: () => Promise<T>) {
	await take([['signup_ip', addressBucket(clientAddress)]]);
	return create();
}

/** The buckets of each kind of mailed link: per account, and per client address. */
const LINK_RULES = {
	reset: ['reset_account', 'reset_ip'],
	signIn: ['magic_link_account', 'magic_link_ip']
} as const satisfies Record<string, [RateLimitRule, RateLimitRule]>;
export type LinkKind = keyof typeof LINK_RULES;

/**
 * Count a request for a mailed link (password reset, sign-in link) against the account (known
 * or not: the answer must not tell) and the client's address.
 */
export async function limitLinkRequest(
	kind: LinkKind,
	attempt: { email: string; clientAddress: string }
) {
	const [account, address] = LINK_RULES[kind];
	await take([
		[account, attempt.email.trim().toLowerCase()],
		[address, addressBucket(attempt.clientAddress)]
	]);
}

/**
 * Count a use of a mailed link against the client's address; only failures add up (a link is
 * 256 random bits; this keeps anyone from even trying).
 */
export function limitLinkUse<T>(
	kind: LinkKind,
	clientAddress: string,
	use: () => Promise<T>
): Promise<T> {
	return countFailures([[LINK_RULES[kind][1], addressBucket(clientAddress), false]], use);
}

/** The answer's `Retry-After` header, and the minutes a page tells the person to wait. */
export function retryLater(
	error: RateLimitedError,
	setHeaders: (headers: Record<string, string>) => void
) {
	setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
	return Math.ceil(error.retryAfterSeconds / 60);
}
