import { defineMessages } from '../define';

/**
 * Field errors, by the stable code a schema gives as its message (`validation.<CODE>`): every
 * screen shows these, never zod's or a regex's own text. Unknown codes read as INVALID.
 */
export const validationMessages = defineMessages(
	{
		'validation.INVALID': 'Valeur invalide.',
		'validation.REQUIRED': 'Ce champ est obligatoire.',
		'validation.TOO_SHORT': 'Trop court : {n} caractères au moins.',
		'validation.TOO_LONG': 'Trop long : {n} caractères au plus.',
		'validation.INVALID_EMAIL': 'Adresse e-mail invalide.',
		'validation.CONTROL_CHARACTERS': 'Ce texte contient des caractères invisibles non autorisés.',
		'validation.PASSWORD_TOO_LONG':
			'Mot de passe trop long : 72 octets au plus (une lettre accentuée compte pour 2, un emoji pour 4).',
		'validation.INVALID_PHONE': 'Numéro invalide (chiffres, espaces, + . - ( )).',
		'validation.PHONE_REQUIRED_FOR_SMS': 'Un numéro est nécessaire pour recevoir des SMS.',
		'validation.UNKNOWN_TIME_ZONE': 'Choisissez un fuseau de la liste.',
		'validation.PASSWORD_REFUSED':
			'Le service de connexion refuse ce mot de passe (trop courant, ou trouvé dans une fuite de données) : choisissez-en un autre.'
	},
	{
		'validation.INVALID': 'Invalid value.',
		'validation.REQUIRED': 'This field is required.',
		'validation.TOO_SHORT': 'Too short: at least {n} characters.',
		'validation.TOO_LONG': 'Too long: at most {n} characters.',
		'validation.INVALID_EMAIL': 'Invalid email address.',
		'validation.CONTROL_CHARACTERS':
			'This text contains invisible characters that are not allowed.',
		'validation.PASSWORD_TOO_LONG':
			'Password too long: at most 72 bytes (an accented letter counts as 2, an emoji as 4).',
		'validation.INVALID_PHONE': 'Invalid number (digits, spaces, + . - ( )).',
		'validation.PHONE_REQUIRED_FOR_SMS': 'A number is needed to receive text messages.',
		'validation.UNKNOWN_TIME_ZONE': 'Choose a time zone from the list.',
		'validation.PASSWORD_REFUSED':
			'The sign-in service refuses this password (too common, or found in a data breach): choose another one.'
	}
);
