import { defineMessages } from '../define';

/** The staff's system health screen (`health.`, /assistant/health). */
export const healthMessages = defineMessages(
	{
		'health.title': 'Santé du système',
		'health.intro':
			'Ce que le serveur mesure lui-même : la rapidité de ses réponses, ses erreurs, et l’acheminement des notifications et des rappels.',
		'health.requests.title': 'Temps de réponse par route',
		'health.requests.explain':
			'Chiffres de ce serveur depuis son démarrage, le {since} ({count} requêtes). p50 : la moitié des requêtes a répondu plus vite ; p95 : 19 sur 20 ; p99 : 99 sur 100. Ils sont estimés à l’intérieur de tranches de durée (de 1 ms à 10 s), comme le fait Prometheus. Une route est le modèle d’adresse (/sessions/[id]), pas chaque adresse. Avec plusieurs serveurs, chacun a ses chiffres : Prometheus les additionne depuis /metrics.',
		'health.requests.route': 'Route',
		'health.requests.count': 'Requêtes',
		'health.requests.errorRate': 'Erreurs',
		'health.requests.all': 'Toutes les routes',
		'health.requests.unmatched': '(aucune route)',
		'health.requests.none': 'Aucune requête mesurée depuis le démarrage.',
		'health.requests.atLeast': 'au moins {value}',
		'health.clientErrors.title': 'Refus (4xx) par code',
		'health.clientErrors.explain':
			'Les refus attendus : saisie invalide, créneau déjà pris, session expirée… Chacun porte un code stable, le même que reçoivent les écrans et les clients de l’API. Une hausse soudaine d’un code signale un écran ou un client qui se trompe.',
		'health.clientErrors.code': 'Code',
		'health.clientErrors.meaning': 'Ce que voit la personne',
		'health.clientErrors.where': 'Où',
		'health.clientErrors.none': 'Aucun refus depuis le démarrage.',
		'health.serverErrors.title': 'Erreurs du serveur (5xx)',
		'health.serverErrors.explain':
			'Une réponse 5xx est une panne, jamais un refus normal : chacune est aussi écrite dans le journal du serveur avec sa cause.',
		'health.serverErrors.status': 'Statut',
		'health.serverErrors.none': 'Aucune erreur du serveur depuis le démarrage.',
		'health.window.label': 'Période',
		'health.window.1h': 'Dernière heure',
		'health.window.24h': 'Dernières 24 heures',
		'health.window.7d': '7 derniers jours',
		'health.window.30d': '30 derniers jours',
		'health.window.show': 'Afficher',
		'health.window.range': 'Du {from} au {to}.',
		'health.deliveries.title': 'Acheminement des notifications',
		'health.deliveries.explain':
			'Calculé dans la base de données, pour tous les serveurs et au-delà des redémarrages, sur les envois prévus dans la période. Réussite : envoyées ÷ (envoyées + échouées) ; celles en cours ou annulées (rappel d’une séance déplacée) ne comptent pas. Réessayées : envoyées après au moins un échec. Délai : de l’heure prévue à la remise au canal (serveur de mail, Twilio, service push ; une notification dans l’application est remise en étant écrite), réessais compris, sans les renvois faits par l’équipe.',
		'health.deliveries.channel': 'Canal',
		'health.deliveries.sent': 'Envoyées',
		'health.deliveries.failed': 'Échouées',
		'health.deliveries.inFlight': 'En cours',
		'health.deliveries.success': 'Réussite',
		'health.deliveries.retried': 'Réessayées',
		'health.deliveries.latency': 'Délai p50 / p95 / max',
		'health.deliveries.all': 'Tous les canaux',
		'health.deliveries.none': 'Aucun envoi prévu dans la période.',
		'health.channel.EMAIL': 'E-mail',
		'health.channel.SMS': 'SMS',
		'health.channel.PUSH': 'Push',
		'health.channel.IN_APP': 'Dans l’application',
		'health.reminders.title': 'Retard des rappels',
		'health.reminders.explain':
			'Pour chaque rappel remis (24 h, 2 h et 30 min avant une séance) : l’heure de remise moins l’heure prévue. Un rappel est en retard au-delà de {minutes} min.',
		'health.reminders.delivered': 'Remis',
		'health.reminders.late': 'En retard',
		'health.reminders.lateness': 'Retard p50 / p95 / max',
		'health.reminders.none': 'Aucun rappel remis dans la période.',
		'health.reminders.overdue.one':
			'{count} rappel de la période attend encore, plus de {minutes} min après son heure : le moteur de notifications est en retard ou arrêté.',
		'health.reminders.overdue.other':
			'{count} rappels de la période attendent encore, plus de {minutes} min après leur heure : le moteur de notifications est en retard ou arrêté.',
		'health.reminders.noneOverdue': 'Aucun rappel n’attend au-delà de son heure.',
		'health.notMeasured': '—'
	},
	{
		'health.title': 'System health',
		'health.intro':
			'What the server measures itself: how fast it answers, its errors, and how notifications and reminders get through.',
		'health.requests.title': 'Response times per route',
		'health.requests.explain':
			'Figures of this server since it started, on {since} ({count} requests). p50: half the requests answered faster; p95: 19 in 20; p99: 99 in 100. They are estimated within duration buckets (1 ms to 10 s), as Prometheus does. A route is the address pattern (/sessions/[id]), not each address. With several servers, each has its own figures: Prometheus adds them up from /metrics.',
		'health.requests.route': 'Route',
		'health.requests.count': 'Requests',
		'health.requests.errorRate': 'Errors',
		'health.requests.all': 'Every route',
		'health.requests.unmatched': '(no route)',
		'health.requests.none': 'No request measured since the start.',
		'health.requests.atLeast': 'at least {value}',
		'health.clientErrors.title': 'Refusals (4xx) by code',
		'health.clientErrors.explain':
			'The expected refusals: invalid input, a slot already taken, an expired session… Each carries a stable code, the one screens and API clients receive. A sudden rise of one code points to a screen or a client getting something wrong.',
		'health.clientErrors.code': 'Code',
		'health.clientErrors.meaning': 'What the person sees',
		'health.clientErrors.where': 'Where',
		'health.clientErrors.none': 'No refusal since the start.',
		'health.serverErrors.title': 'Server errors (5xx)',
		'health.serverErrors.explain':
			'A 5xx answer is a failure, never a normal refusal: each one is also written to the server’s log with its cause.',
		'health.serverErrors.status': 'Status',
		'health.serverErrors.none': 'No server error since the start.',
		'health.window.label': 'Period',
		'health.window.1h': 'Last hour',
		'health.window.24h': 'Last 24 hours',
		'health.window.7d': 'Last 7 days',
		'health.window.30d': 'Last 30 days',
		'health.window.show': 'Show',
		'health.window.range': 'From {from} to {to}.',
		'health.deliveries.title': 'Notification delivery',
		'health.deliveries.explain':
			'Computed in the database, for every server and across restarts, over the deliveries due in the period. Success: sent ÷ (sent + failed); those in flight or cancelled (the reminder of a moved session) do not count. Retried: sent after at least one failure. Latency: from the time it was due to its hand-over to the channel (mail server, Twilio, push service; an in-app notification is delivered by being written), retries included, staff resends left out.',
		'health.deliveries.channel': 'Channel',
		'health.deliveries.sent': 'Sent',
		'health.deliveries.failed': 'Failed',
		'health.deliveries.inFlight': 'In flight',
		'health.deliveries.success': 'Success',
		'health.deliveries.retried': 'Retried',
		'health.deliveries.latency': 'Latency p50 / p95 / max',
		'health.deliveries.all': 'Every channel',
		'health.deliveries.none': 'No delivery due in the period.',
		'health.channel.EMAIL': 'Email',
		'health.channel.SMS': 'SMS',
		'health.channel.PUSH': 'Push',
		'health.channel.IN_APP': 'In the app',
		'health.reminders.title': 'Reminder lateness',
		'health.reminders.explain':
			'For each reminder delivered (24 h, 2 h and 30 min before a session): when it was delivered minus when it was due. A reminder is late past {minutes} min.',
		'health.reminders.delivered': 'Delivered',
		'health.reminders.late': 'Late',
		'health.reminders.lateness': 'Lateness p50 / p95 / max',
		'health.reminders.none': 'No reminder delivered in the period.',
		'health.reminders.overdue.one':
			'{count} reminder of the period is still waiting, more than {minutes} min past its time: the notification engine is behind or stopped.',
		'health.reminders.overdue.other':
			'{count} reminders of the period are still waiting, more than {minutes} min past their time: the notification engine is behind or stopped.',
		'health.reminders.noneOverdue': 'No reminder is waiting past its time.',
		'health.notMeasured': '—'
	}
);
