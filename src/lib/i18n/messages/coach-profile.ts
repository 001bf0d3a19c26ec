import { defineMessages } from '../define';

/** The coach profile page (/coach/profile). */
export const coachProfileMessages = defineMessages(
	{
		'coach.profile.title': 'Mon profil',
		'coach.profile.contact': 'Fuseau horaire et contact',
		'coach.profile.timeZone': 'Fuseau horaire',
		'coach.profile.timeZoneHint':
			'Vos disponibilités sont des heures locales de ce fuseau : 17 h reste 17 h au changement d’heure.',
		'coach.profile.commonZones': 'Les plus courants',
		'coach.profile.allZones': 'Tous les fuseaux',
		'coach.profile.phone': 'Téléphone mobile',
		'coach.profile.phoneHint': 'Pour les SMS de rappel, par exemple +33 6 12 34 56 78.',
		'coach.profile.channels': 'Me prévenir par',
		'coach.profile.notifyEmail': 'E-mail',
		'coach.profile.notifySms': 'SMS',
		'coach.profile.notifyPush': 'Notifications push',
		'coach.profile.inAppAlways': 'Les notifications dans l’application restent toujours actives.',
		'coach.profile.save': 'Enregistrer',
		'coach.profile.saved': 'Préférences enregistrées.',
		'coach.profile.subjects': 'Matières enseignées',
		'coach.profile.noSubjects': 'Aucune matière pour le moment.',
		'coach.profile.subjectsHint':
			'Les qualifications sont gérées par l’équipe Nexus : écrivez-lui pour en ajouter.',
		'coach.profile.account': 'Compte',
		'coach.profile.email': 'Adresse e-mail'
	},
	{
		'coach.profile.title': 'My profile',
		'coach.profile.contact': 'Time zone and contact',
		'coach.profile.timeZone': 'Time zone',
		'coach.profile.timeZoneHint':
			'Your availability is local time in this zone: 5 pm stays 5 pm when clocks change.',
		'coach.profile.commonZones': 'Most used',
		'coach.profile.allZones': 'All time zones',
		'coach.profile.phone': 'Mobile phone',
		'coach.profile.phoneHint': 'For reminder texts, e.g. +33 6 12 34 56 78.',
		'coach.profile.channels': 'Notify me by',
		'coach.profile.notifyEmail': 'Email',
		'coach.profile.notifySms': 'Text message',
		'coach.profile.notifyPush': 'Push notifications',
		'coach.profile.inAppAlways': 'In-app notifications are always on.',
		'coach.profile.save': 'Save',
		'coach.profile.saved': 'Preferences saved.',
		'coach.profile.subjects': 'Subjects taught',
		'coach.profile.noSubjects': 'No subject yet.',
		'coach.profile.subjectsHint':
			'Qualifications are managed by the Nexus team: ask them to add one.',
		'coach.profile.account': 'Account',
		'coach.profile.email': 'Email address'
	}
);
