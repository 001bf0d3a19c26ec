import { defineMessages } from '../define';

/** The staff's tools on a session and on failed deliveries (`staffTools.`). */
export const staffToolMessages = defineMessages(
	{
		'staffTools.failedTitle': 'Notifications en échec',
		'staffTools.failedLine': '{method} à {name}',
		'staffTools.noFailed': 'Aucune notification en échec.',
		'staffTools.inApp': 'Notification dans l’application',
		'staffTools.resend': 'Renvoyer',
		'staffTools.resent': 'Notification à {name} renvoyée.',
		'staffTools.resentShort': 'Renvoyée : envoi en cours.'
	},
	{
		'staffTools.failedTitle': 'Failed notifications',
		'staffTools.failedLine': '{method} to {name}',
		'staffTools.noFailed': 'No failed notification.',
		'staffTools.inApp': 'In-app notification',
		'staffTools.resend': 'Resend',
		'staffTools.resent': 'Notification to {name} resent.',
		'staffTools.resentShort': 'Resent: on its way.'
	}
);
