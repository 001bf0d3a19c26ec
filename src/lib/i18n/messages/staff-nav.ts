import { defineMessages } from '../define';

/**
 * The few staff-screen words every page may show (the staff navigation, a chart's loading line).
 * The staff screens' own catalogues (analytics.ts, health.ts) load with those screens
 * (`i18n/staff.ts`), so that no family page carries them.
 */
export const staffNavMessages = defineMessages(
	{
		'teamAnalytics.nav': 'Statistiques',
		'teamAnalytics.chartLoading': 'Chargement du graphique…',
		'health.nav': 'Santé'
	},
	{
		'teamAnalytics.nav': 'Analytics',
		'teamAnalytics.chartLoading': 'Loading the chart…',
		'health.nav': 'Health'
	}
);
