import { defineMessages } from '../define';

/**
 * Field errors, by the stable code a schema gives as its message (`validation.<CODE>`): every
 * screen shows these, never zod's or a regex's own text. Unknown codes read as INVALID.
 */
export const validationMessages = defineMessages(
	{
		'validation.INVALID': 'Valeur invalide.',
		'validation.INVALID_PHONE': 'Numéro invalide (chiffres, espaces, + . - ( )).',
		'validation.PHONE_REQUIRED_FOR_SMS': 'Un numéro est nécessaire pour recevoir des SMS.',
		'validation.UNKNOWN_TIME_ZONE': 'Choisissez un fuseau de la liste.'
	},
	{
		'validation.INVALID': 'Invalid value.',
		'validation.INVALID_PHONE': 'Invalid number (digits, spaces, + . - ( )).',
		'validation.PHONE_REQUIRED_FOR_SMS': 'A number is needed to receive text messages.',
		'validation.UNKNOWN_TIME_ZONE': 'Choose a time zone from the list.'
	}
);
