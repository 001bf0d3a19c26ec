import { defineMessages } from '../define';

/** The installable app (`pwa.`): manifest, install prompt, offline copies. */
export const pwaMessages = defineMessages(
	{
		'pwa.name': 'Nexus Sessions — Nexus Réussite',
		'pwa.description': 'Réservez et suivez vos séances de soutien scolaire avec Nexus Réussite.',
		'pwa.install.title': 'Installer l’application',
		'pwa.install.body':
			'Ajoutez Nexus Sessions à votre écran d’accueil : vos séances en un geste, même hors ligne.',
		'pwa.install.accept': 'Installer',
		'pwa.install.dismiss': 'Plus tard',
		'pwa.offline.copy': 'Hors ligne, copie de {time}',
		'pwa.offline.copyHint':
			'Vous consultez la dernière copie enregistrée sur cet appareil ; elle se mettra à jour dès le retour de la connexion.',
		'pwa.offline.actions': 'Connexion requise pour cette action.',
		'pwa.offline.page': 'Vous êtes hors ligne',
		'pwa.offline.pageHint':
			'Cette page n’a pas de copie sur cet appareil. Vos séances restent consultables hors ligne.'
	},
	{
		'pwa.name': 'Nexus Sessions — Nexus Réussite',
		'pwa.description': 'Book and follow your tutoring sessions with Nexus Réussite.',
		'pwa.install.title': 'Install the app',
		'pwa.install.body':
			'Add Nexus Sessions to your home screen: your sessions in one tap, even offline.',
		'pwa.install.accept': 'Install',
		'pwa.install.dismiss': 'Not now',
		'pwa.offline.copy': 'Offline, copy from {time}',
		'pwa.offline.copyHint':
			'You are reading the last copy saved on this device; it updates as soon as you are back online.',
		'pwa.offline.actions': 'This action needs a connection.',
		'pwa.offline.page': 'You are offline',
		'pwa.offline.pageHint':
			'This page has no copy on this device. Your sessions can still be read offline.'
	}
);
