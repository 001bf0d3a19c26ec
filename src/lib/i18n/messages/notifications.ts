import { defineMessages } from '../define';

/**
 * What notifications say (`notif.`: mail, SMS, push and in-app texts) and the notification
 * centre and preferences screens (`notifications.`).
 */
export const notificationMessages = defineMessages(
	{
		'notif.SESSION_BOOKED.title': 'Nouvelle séance réservée',
		'notif.SESSION_BOOKED.body':
			'Séance « {title} » ({subject}, {student} avec {coach}) le {when}.',
		'notif.SESSION_CONFIRMED.title': 'Séance confirmée',
		'notif.SESSION_CONFIRMED.body':
			'{coach} a confirmé la séance « {title} » {ofStudent}, le {when}.',
		'notif.SESSION_RESCHEDULED.title': 'Séance déplacée',
		'notif.SESSION_RESCHEDULED.body':
			'La séance « {title} » ({subject}, {student} avec {coach}) prévue le {old} est déplacée au {when}.',
		'notif.SESSION_REASSIGNED.title': 'Changement de coach',
		'notif.SESSION_REASSIGNED.body':
			'La séance « {title} » ({subject}, {student}) du {when} aura lieu avec {coach}.',
		'notif.SESSION_CANCELLED.title': 'Séance annulée',
		'notif.SESSION_CANCELLED.body':
			'La séance « {title} » ({subject}, {student} avec {coach}) du {when} est annulée.',
		'notif.SESSION_CANCELLED.refund': 'Remboursement : {credits}.',
		'notif.SESSION_NO_SHOW.title': 'Séance non honorée',
		'notif.SESSION_NO_SHOW.body':
			'La séance « {title} » {ofStudent}, le {when}, a été marquée comme non honorée.',
		'notif.FEEDBACK_REQUESTED.title': 'Votre avis sur la séance',
		'notif.FEEDBACK_REQUESTED.body':
			'La séance « {title} » {ofStudent} avec {coach}, le {when}, est terminée : notez-la en quelques secondes.',
		'notif.SESSION_REMINDER.title.ONE_DAY_BEFORE': 'Rappel : séance demain',
		'notif.SESSION_REMINDER.title.TWO_HOURS_BEFORE': 'Rappel : séance dans 2 heures',
		'notif.SESSION_REMINDER.title.THIRTY_MINUTES_BEFORE': 'Rappel : séance dans 30 minutes',
		'notif.SESSION_REMINDER.body':
			'Séance « {title} » ({subject}, {student} avec {coach}) le {when}.',
		'notif.CREDITS_GRANTED.title': 'Crédits ajoutés',
		'notif.CREDITS_GRANTED.body':
			'Crédits ajoutés au compte {ofStudent} : {credits}. Nouveau solde : {balance}.',
		'notif.CREDIT_REQUEST_DECLINED.title': 'Demande de crédits refusée',
		'notif.CREDIT_REQUEST_DECLINED.body':
			'Votre demande de {credits} pour le compte {ofStudent} a été refusée : {note}',
		'notif.PASSWORD_RESET.title': 'Choisir un nouveau mot de passe',
		'notif.PASSWORD_RESET.hello': 'Bonjour {name},',
		'notif.PASSWORD_RESET.body':
			'Quelqu’un (vous, sans doute) a demandé à changer le mot de passe de votre compte Nexus Sessions. Ce lien est valable {minutes} minutes et ne sert qu’une fois.',
		'notif.PASSWORD_RESET.open': 'Choisir mon nouveau mot de passe',
		'notif.PASSWORD_RESET.ignore':
			'Vous n’avez rien demandé ? Ignorez ce message : votre mot de passe ne change pas.',
		'notif.MAGIC_LINK.title': 'Votre lien de connexion',
		'notif.MAGIC_LINK.hello': 'Bonjour {name},',
		'notif.MAGIC_LINK.body':
			'Voici le lien qui vous connecte à Nexus Sessions sans mot de passe. Il est valable {minutes} minutes et ne sert qu’une fois.',
		'notif.MAGIC_LINK.open': 'Me connecter',
		'notif.MAGIC_LINK.ignore':
			'Vous n’avez rien demandé ? Ignorez ce message : sans ce lien, personne ne peut se connecter à votre place.',
		'notif.online': 'En ligne : {url}',
		'notif.inPerson': 'Lieu : {location}',
		'notif.open': 'Ouvrir dans Nexus Sessions',
		'notif.footer':
			'Vous recevez ce message car vous suivez cette séance sur Nexus Sessions. Choisissez vos notifications : {url}',
		'notifications.title': 'Notifications',
		'notifications.bell': 'Notifications',
		'notifications.unread.one': '{count} non lue',
		'notifications.unread.other': '{count} non lues',
		'notifications.unreadMark': 'Non lue',
		'notifications.empty': 'Aucune notification pour le moment.',
		'notifications.markAllRead': 'Tout marquer comme lu',
		'notifications.markRead': 'Marquer comme lu',
		'notifications.open': 'Voir la séance',
		'notifications.preferences': 'Préférences de notification',
		'notifications.prefs.intro':
			'Choisissez, pour chaque événement, comment être prévenu. Les notifications dans l’application restent toujours visibles ici.',
		'notifications.prefs.type': 'Événement',
		'notifications.prefs.EMAIL': 'E-mail',
		'notifications.prefs.SMS': 'SMS',
		'notifications.prefs.PUSH': 'Notification push',
		'notifications.prefs.smsNeedsPhone':
			'Ajoutez un numéro de téléphone à votre profil pour recevoir des SMS.',
		'notifications.prefs.quiet': 'Heures calmes (ni SMS ni push)',
		'notifications.prefs.quietStart': 'Début',
		'notifications.prefs.quietEnd': 'Fin',
		'notifications.prefs.quietHint':
			'Laissez vide pour aucune heure calme. Les e-mails arrivent toujours.',
		'notifications.prefs.save': 'Enregistrer',
		'notifications.prefs.saved': 'Préférences enregistrées.',
		'notifications.prefs.quietInvalid':
			'Indiquez un début et une fin différents, ou aucun des deux.',
		'notifications.device.title': 'Notifications push sur cet appareil',
		'notifications.device.on':
			'Activées sur cet appareil : les notifications push choisies ci-dessus y arrivent.',
		'notifications.device.off': 'Désactivées sur cet appareil.',
		'notifications.device.devices': 'Appareils abonnés à votre compte : {count}.',
		'notifications.device.subscribe': 'Activer sur cet appareil',
		'notifications.device.unsubscribe': 'Désactiver sur cet appareil',
		'notifications.device.unsupported':
			'Ce navigateur ne reçoit pas de notifications push (sur iPhone, installez d’abord l’application sur l’écran d’accueil).',
		'notifications.device.denied':
			'Les notifications sont bloquées pour ce site : autorisez-les dans les réglages du navigateur, puis réessayez.',
		'notifications.device.unavailable':
			'Les notifications push ne sont pas disponibles sur ce serveur pour le moment.',
		'notifications.device.failed': 'L’abonnement de cet appareil a échoué. {reason}',
		'notifications.type.SESSION_BOOKED': 'Séance réservée',
		'notifications.type.SESSION_CONFIRMED': 'Séance confirmée',
		'notifications.type.SESSION_RESCHEDULED': 'Séance déplacée',
		'notifications.type.SESSION_CANCELLED': 'Séance annulée',
		'notifications.type.SESSION_NO_SHOW': 'Séance non honorée',
		'notifications.type.SESSION_REMINDER': 'Rappels (24 h, 2 h, 30 min)',
		'notifications.type.FEEDBACK_REQUESTED': 'Demande d’avis après la séance',
		'notifications.mailbox.title': 'Boîte de développement',
		'notifications.mailbox.intro':
			'Ce que le serveur SMTP intégré a reçu et les SMS qui seraient partis (mode intégré seulement).',
		'notifications.mailbox.empty': 'Aucun message reçu.',
		'notifications.mailbox.to': 'À',
		'notifications.mailbox.at': 'Reçu'
	},
	{
		'notif.SESSION_BOOKED.title': 'New session booked',
		'notif.SESSION_BOOKED.body': 'Session “{title}” ({subject}, {student} with {coach}) on {when}.',
		'notif.SESSION_CONFIRMED.title': 'Session confirmed',
		'notif.SESSION_CONFIRMED.body': '{coach} confirmed {student}’s session “{title}” on {when}.',
		'notif.SESSION_RESCHEDULED.title': 'Session moved',
		'notif.SESSION_RESCHEDULED.body':
			'The session “{title}” ({subject}, {student} with {coach}) planned on {old} moves to {when}.',
		'notif.SESSION_REASSIGNED.title': 'New coach',
		'notif.SESSION_REASSIGNED.body':
			'The session “{title}” ({subject}, {student}) on {when} will be with {coach}.',
		'notif.SESSION_CANCELLED.title': 'Session cancelled',
		'notif.SESSION_CANCELLED.body':
			'The session “{title}” ({subject}, {student} with {coach}) on {when} is cancelled.',
		'notif.SESSION_CANCELLED.refund': 'Refund: {credits}.',
		'notif.SESSION_NO_SHOW.title': 'Session missed',
		'notif.SESSION_NO_SHOW.body': '{student}’s session “{title}” on {when} was marked as missed.',
		'notif.FEEDBACK_REQUESTED.title': 'How was the session?',
		'notif.FEEDBACK_REQUESTED.body':
			'{student}’s session “{title}” with {coach} on {when} is over: rate it in a few seconds.',
		'notif.SESSION_REMINDER.title.ONE_DAY_BEFORE': 'Reminder: session tomorrow',
		'notif.SESSION_REMINDER.title.TWO_HOURS_BEFORE': 'Reminder: session in 2 hours',
		'notif.SESSION_REMINDER.title.THIRTY_MINUTES_BEFORE': 'Reminder: session in 30 minutes',
		'notif.SESSION_REMINDER.body':
			'Session “{title}” ({subject}, {student} with {coach}) on {when}.',
		'notif.CREDITS_GRANTED.title': 'Credits added',
		'notif.CREDITS_GRANTED.body':
			'Credits added to {student}’s account: {credits}. New balance: {balance}.',
		'notif.CREDIT_REQUEST_DECLINED.title': 'Credit request declined',
		'notif.CREDIT_REQUEST_DECLINED.body':
			'Your request for {credits} for {student}’s account was declined: {note}',
		'notif.PASSWORD_RESET.title': 'Choose a new password',
		'notif.PASSWORD_RESET.hello': 'Hello {name},',
		'notif.PASSWORD_RESET.body':
			'Someone (you, most likely) asked to change the password of your Nexus Sessions account. This link works for {minutes} minutes, once.',
		'notif.PASSWORD_RESET.open': 'Choose my new password',
		'notif.PASSWORD_RESET.ignore':
			'You did not ask for this? Ignore this message: your password stays the same.',
		'notif.MAGIC_LINK.title': 'Your sign-in link',
		'notif.MAGIC_LINK.hello': 'Hello {name},',
		'notif.MAGIC_LINK.body':
			'Here is the link that signs you in to Nexus Sessions without a password. It works for {minutes} minutes, once.',
		'notif.MAGIC_LINK.open': 'Sign me in',
		'notif.MAGIC_LINK.ignore':
			'You did not ask for this? Ignore this message: without this link nobody can sign in as you.',
		'notif.online': 'Online: {url}',
		'notif.inPerson': 'Place: {location}',
		'notif.open': 'Open in Nexus Sessions',
		'notif.footer':
			'You receive this message because you follow this session on Nexus Sessions. Choose your notifications: {url}',
		'notifications.title': 'Notifications',
		'notifications.bell': 'Notifications',
		'notifications.unread.one': '{count} unread',
		'notifications.unread.other': '{count} unread',
		'notifications.unreadMark': 'Unread',
		'notifications.empty': 'No notifications yet.',
		'notifications.markAllRead': 'Mark all as read',
		'notifications.markRead': 'Mark as read',
		'notifications.open': 'See the session',
		'notifications.preferences': 'Notification preferences',
		'notifications.prefs.intro':
			'Choose, for each event, how you are told. In-app notifications always stay visible here.',
		'notifications.prefs.type': 'Event',
		'notifications.prefs.EMAIL': 'Email',
		'notifications.prefs.SMS': 'SMS',
		'notifications.prefs.PUSH': 'Push notification',
		'notifications.prefs.smsNeedsPhone': 'Add a phone number to your profile to receive SMS.',
		'notifications.prefs.quiet': 'Quiet hours (no SMS, no push)',
		'notifications.prefs.quietStart': 'From',
		'notifications.prefs.quietEnd': 'To',
		'notifications.prefs.quietHint': 'Leave empty for no quiet hours. Emails always arrive.',
		'notifications.prefs.save': 'Save',
		'notifications.prefs.saved': 'Preferences saved.',
		'notifications.prefs.quietInvalid': 'Give a different start and end, or neither.',
		'notifications.device.title': 'Push notifications on this device',
		'notifications.device.on':
			'On for this device: the push notifications chosen above arrive here.',
		'notifications.device.off': 'Off for this device.',
		'notifications.device.devices': 'Devices subscribed to your account: {count}.',
		'notifications.device.subscribe': 'Turn on for this device',
		'notifications.device.unsubscribe': 'Turn off for this device',
		'notifications.device.unsupported':
			'This browser cannot receive push notifications (on an iPhone, add the app to your home screen first).',
		'notifications.device.denied':
			'Notifications are blocked for this site: allow them in the browser settings, then try again.',
		'notifications.device.unavailable':
			'Push notifications are not available on this server right now.',
		'notifications.device.failed': 'This device could not subscribe. {reason}',
		'notifications.type.SESSION_BOOKED': 'Session booked',
		'notifications.type.SESSION_CONFIRMED': 'Session confirmed',
		'notifications.type.SESSION_RESCHEDULED': 'Session moved',
		'notifications.type.SESSION_CANCELLED': 'Session cancelled',
		'notifications.type.SESSION_NO_SHOW': 'Session missed',
		'notifications.type.SESSION_REMINDER': 'Reminders (24 h, 2 h, 30 min)',
		'notifications.type.FEEDBACK_REQUESTED': 'Feedback request after the session',
		'notifications.mailbox.title': 'Development mailbox',
		'notifications.mailbox.intro':
			'What the built-in SMTP server received and the SMS that would have left (embedded mode only).',
		'notifications.mailbox.empty': 'No message received.',
		'notifications.mailbox.to': 'To',
		'notifications.mailbox.at': 'Received'
	}
);
