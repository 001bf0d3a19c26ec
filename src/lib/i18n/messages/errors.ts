import { defineMessages } from '../define';

/**
 * The one catalogue of error messages, by stable code (`error.<CODE>`, core/errors.ts): every
 * screen shows these, whole sentences without parameters; a screen may add its own way out
 * (booking: the nearest free slots, a top-up) but never rewords the refusal.
 */
export const errorMessages = defineMessages(
	{
		'error.VALIDATION_FAILED': 'Certaines informations sont invalides. Vérifiez les champs.',
		'error.UNAUTHENTICATED': 'Votre session a expiré : reconnectez-vous.',
		'error.INVALID_CREDENTIALS': 'E-mail ou mot de passe incorrect.',
		'error.INVALID_RESET_LINK':
			'Ce lien ne fonctionne plus (déjà utilisé, ou plus d’une heure). Demandez-en un nouveau.',
		'error.INVALID_SIGN_IN_LINK':
			'Ce lien de connexion ne fonctionne plus (déjà utilisé, ou plus d’une heure). Demandez-en un nouveau.',
		'error.PASSWORD_REFUSED':
			'Le service de connexion refuse ce mot de passe (trop courant, ou trouvé dans une fuite de données) et ce lien est maintenant utilisé : demandez-en un nouveau et choisissez un autre mot de passe.',
		'error.FORBIDDEN': 'Vous n’avez pas le droit de faire cela.',
		'error.NOT_FOUND': 'Introuvable : l’élément a peut-être été supprimé.',
		'error.EMAIL_TAKEN': 'Un compte utilise déjà cette adresse e-mail.',
		'error.INSUFFICIENT_CREDITS': 'Crédits insuffisants pour cette séance.',
		'error.SLOT_TAKEN': 'Ce créneau vient d’être réservé par quelqu’un d’autre.',
		'error.STUDENT_BUSY': 'L’élève a déjà une séance à ce moment-là. Choisissez un autre créneau.',
		'error.INVALID_TRANSITION':
			'Ce changement n’est pas possible maintenant : le statut de la séance a changé entre-temps.',
		'error.ALREADY_RATED': 'Cette séance a déjà été notée.',
		'error.OVERLAPPING_SLOTS': 'Deux créneaux se chevauchent.',
		'error.OUTSIDE_AVAILABILITY':
			'Ce créneau ne fait pas (ou plus) partie des disponibilités du coach. Choisissez-en un autre.',
		'error.COACH_NOT_QUALIFIED':
			'Ce coach n’enseigne pas (ou plus) cette matière. Choisissez un autre coach.',
		'error.IN_THE_PAST':
			'Ce créneau commence trop tôt pour être réservé (délai minimum). Choisissez-en un autre.',
		'error.PRICE_MISMATCH':
			'Le prix de cette séance a changé. Vérifiez le nouveau prix puis confirmez à nouveau.',
		'error.TOO_LATE': 'Il est trop tard pour cette action. Contactez l’équipe Nexus Réussite.',
		'error.IDEMPOTENCY_KEY_REUSED':
			'Cette demande a déjà été envoyée avec d’autres informations. Rechargez la page.',
		'error.CONFLICT': 'Quelqu’un a modifié ces données entre-temps. Rechargez la page.',
		'error.RATE_LIMITED': 'Trop de tentatives. Réessayez dans quelques minutes.',
		'error.CROSS_SITE_REQUEST': 'Ce formulaire doit être envoyé depuis Nexus Sessions.',
		'error.METHOD_NOT_ALLOWED': 'Cette action n’est pas possible ici.',
		'error.PAYLOAD_TOO_LARGE': 'Trop de données envoyées en une fois.',
		'error.UNSUPPORTED_MEDIA_TYPE': 'Format de données non pris en charge.',
		'error.BAD_REQUEST': 'La demande est illisible. Réessayez.',
		'error.HEADERS_TOO_LARGE': 'La demande est trop longue (adresse ou cookies).',
		'error.REQUEST_TIMEOUT': 'La demande a pris trop de temps. Réessayez.',
		'error.INTERNAL': 'Erreur inattendue du serveur. Réessayez dans un instant.',
		'error.NETWORK': 'Le serveur est injoignable : vérifiez votre connexion.',
		'error.SLOT_UNAVAILABLE': 'Ce créneau n’est plus disponible.',
		'error.PUSH_SERVICE':
			'Le service de notifications du navigateur n’a pas répondu. Réessayez plus tard.'
	},
	{
		'error.VALIDATION_FAILED': 'Some details are invalid. Please check the fields.',
		'error.UNAUTHENTICATED': 'Your session has expired: please sign in again.',
		'error.INVALID_CREDENTIALS': 'Wrong email or password.',
		'error.INVALID_RESET_LINK':
			'This link no longer works (already used, or over an hour old). Ask for a new one.',
		'error.INVALID_SIGN_IN_LINK':
			'This sign-in link no longer works (already used, or over an hour old). Ask for a new one.',
		'error.PASSWORD_REFUSED':
			'The sign-in service refuses this password (too common, or found in a data breach) and this link is now used: ask for a new one and choose another password.',
		'error.FORBIDDEN': 'You are not allowed to do this.',
		'error.NOT_FOUND': 'Not found: it may have been deleted.',
		'error.EMAIL_TAKEN': 'An account already uses this email address.',
		'error.INSUFFICIENT_CREDITS': 'Not enough credits for this session.',
		'error.SLOT_TAKEN': 'This time has just been booked by someone else.',
		'error.STUDENT_BUSY': 'The student already has a session at that time. Choose another time.',
		'error.INVALID_TRANSITION':
			'This change is not possible now: the session’s status changed in the meantime.',
		'error.ALREADY_RATED': 'This session has already been rated.',
		'error.OVERLAPPING_SLOTS': 'Two slots overlap.',
		'error.OUTSIDE_AVAILABILITY':
			'This time is not (or no longer) in the coach’s availability. Choose another one.',
		'error.COACH_NOT_QUALIFIED':
			'This coach does not (or no longer) teach this subject. Choose another coach.',
		'error.IN_THE_PAST': 'This time starts too soon to be booked (minimum notice). Choose another.',
		'error.PRICE_MISMATCH':
			'The price of this session has changed. Check the new price and confirm again.',
		'error.TOO_LATE': 'It is too late for this action. Contact the Nexus Réussite team.',
		'error.IDEMPOTENCY_KEY_REUSED':
			'This request was already sent with other details. Please reload the page.',
		'error.CONFLICT': 'Someone changed this data in the meantime. Please reload the page.',
		'error.RATE_LIMITED': 'Too many attempts. Try again in a few minutes.',
		'error.CROSS_SITE_REQUEST': 'This form must be sent from Nexus Sessions.',
		'error.METHOD_NOT_ALLOWED': 'This action is not possible here.',
		'error.PAYLOAD_TOO_LARGE': 'Too much data sent at once.',
		'error.UNSUPPORTED_MEDIA_TYPE': 'Unsupported data format.',
		'error.BAD_REQUEST': 'The request could not be read. Please try again.',
		'error.HEADERS_TOO_LARGE': 'The request is too long (address or cookies).',
		'error.REQUEST_TIMEOUT': 'The request took too long. Please try again.',
		'error.INTERNAL': 'Unexpected server error. Please try again in a moment.',
		'error.NETWORK': 'The server cannot be reached: check your connection.',
		'error.SLOT_UNAVAILABLE': 'This time is no longer available.',
		'error.PUSH_SERVICE': 'The browser’s push service did not answer. Please try again later.'
	}
);
