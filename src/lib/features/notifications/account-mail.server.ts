/**
 * Mail about the account itself (a password-reset link), sent through the same email channel
 * as every notification but not through the outbox: the link is a credential, and no table
 * (deliveries are readable by staff) may hold it in clear. A failed send is logged; the person
 * asks again, as with any identity provider's reset mail.
 */
import { createI18n, type Locale } from '$lib/i18n';
import { labelled } from '$lib/i18n/format';
import { withService } from '$lib/server/db';
import { RESET_TOKEN_TTL_SECONDS } from '$lib/server/auth/types';
import { runningNotifications } from './index.server';
import { mailHtml } from './messages';

/** The reset mail's words in the person's language. Pure. */
export function renderResetMail(input: { locale: Locale; firstName: string; link: string }) {
	const i18n = createI18n(
		() => input.locale,
		() => 'UTC'
	);
	const hello = i18n.t('notif.PASSWORD_RESET.hello', { name: input.firstName });
	const body = i18n.t('notif.PASSWORD_RESET.body', {
		minutes: RESET_TOKEN_TTL_SECONDS / 60
	});
	const ignore = i18n.t('notif.PASSWORD_RESET.ignore');
	const open = i18n.t('notif.PASSWORD_RESET.open');
	return {
		subject: i18n.t('notif.PASSWORD_RESET.title'),
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

/** Mail the reset link to the account's address (in the background of the request). */
export async function mailPasswordReset(input: { userId: string; token: string; origin: string }) {
	const [person] = await withService(
		(tx) => tx<{ email: string; first_name: string; locale: Locale }[]>`
			select u.email, p.first_name, p.locale from auth.users u
			join public.profiles p on p.id = u.id where u.id = ${input.userId}`
	);
	const running = runningNotifications();
	const channels = running ? (await running).channels : null;
	if (!person || !channels) {
		console.error('[auth] password-reset mail not sent: no email channel in this process');
		return;
	}
	const link = `${input.origin}/reset?token=${encodeURIComponent(input.token)}`;
	const mail = renderResetMail({ locale: person.locale, firstName: person.first_name, link });
	await channels.email({
		to: person.email,
		...mail,
		// A new request is a new token: nothing to de-duplicate across requests.
		idempotencyKey: `password-reset:${input.userId}:${Date.now()}`
	});
}
