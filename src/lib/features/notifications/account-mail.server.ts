/**
 * Mail about the account itself (a password-reset link, a sign-in link), sent through the same
 * email channel as every notification but not through the outbox: the link is a credential, and
 * no table (deliveries are readable by staff) may hold it in clear. A failed send is logged; the
 * person asks again, as with any identity provider's mail. Only the local identity adapter needs
 * these: Supabase Auth mails its own links.
 */
import { createI18n, type Locale } from '$lib/i18n';
import { labelled } from '$lib/i18n/format';
import { withService } from '$lib/server/db';
import { MAGIC_LINK_TTL_SECONDS, RESET_TOKEN_TTL_SECONDS } from '$lib/server/auth/types';
import { runningNotifications } from './index.server';
import { mailHtml } from './messages';

export type AccountMailKind = 'PASSWORD_RESET' | 'MAGIC_LINK';

const LIFETIME_SECONDS: Record<AccountMailKind, number> = {
	PASSWORD_RESET: RESET_TOKEN_TTL_SECONDS,
	MAGIC_LINK: MAGIC_LINK_TTL_SECONDS
};

/** An account mail's words in the person's language. Pure. */
export function renderAccountMail(input: {
	kind: AccountMailKind;
	locale: Locale;
	firstName: string;
	link: string;
}) {
	const i18n = createI18n(
		() => input.locale,
		() => 'UTC'
	);
	const { kind } = input;
	const hello = i18n.t(`notif.${kind}.hello`, { name: input.firstName });
	const body = i18n.t(`notif.${kind}.body`, { minutes: LIFETIME_SECONDS[kind] / 60 });
	const ignore = i18n.t(`notif.${kind}.ignore`);
	const open = i18n.t(`notif.${kind}.open`);
	return {
		subject: i18n.t(`notif.${kind}.title`),
		text: [hello, '', body, labelled(i18n, open) + input.link, '', ignore].join('\n'),
		html: mailHtml({
			locale: input.locale,
			heading: null,
			paragraphs: [hello, body],
			link: { href: input.link, label: open },
			footer: ignore
		})
	};
}

/**
 * Mail a one-time link to the account's address (in the background of the request): `page` is
 * the absolute address of the page that spends it, the token goes in its query.
 */
export async function mailAccountLink(
	kind: AccountMailKind,
	input: { userId: string; token: string; page: string }
) {
	const [person] = await withService(
		(tx) => tx<{ email: string; first_name: string; locale: Locale }[]>`
			select u.email, p.first_name, p.locale from auth.users u
			join public.profiles p on p.id = u.id where u.id = ${input.userId}`
	);
	const running = runningNotifications();
	const channels = running ? (await running).channels : null;
	if (!person || !channels) {
		console.error(`[auth] ${kind} mail not sent: no email channel in this process`);
		return;
	}
	const link = `${input.page}?token=${encodeURIComponent(input.token)}`;
	const mail = renderAccountMail({
		kind,
		locale: person.locale,
		firstName: person.first_name,
		link
	});
	await channels.email({
		to: person.email,
		...mail,
		// A new request is a new token: nothing to de-duplicate across requests.
		idempotencyKey: `${kind}:${input.userId}:${Date.now()}`
	});
}
