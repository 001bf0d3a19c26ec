/**
 * The four charts of the team page, from the same figures as their tables: bookings per day,
 * the funnel, utilisation per coach, the ratings' distribution.
 */
import '$lib/i18n/staff';
import type { ChartSpec } from '$lib/ui/charts/types';
import { FUNNEL_STEPS, type TeamAnalytics } from './types';
import type { MessageKey } from '$lib/i18n';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface TeamCharts {
	perDay: ChartSpec;
	funnel: ChartSpec;
	utilisation: ChartSpec;
	ratings: ChartSpec;
}

export function teamCharts(
	a: TeamAnalytics,
	t: T,
	format: { day: (date: Date) => string; percent: (value: number) => string }
): TeamCharts {
	return {
		perDay: {
			kind: 'lines',
			x: 'day',
			// Noon UTC: the same calendar day in every zone the axis may format it in.
			data: a.perDay.map((d) => ({
				day: new Date(`${d.day}T12:00:00Z`),
				booked: d.booked,
				held: d.held
			})),
			series: [
				{ key: 'booked', label: t('teamAnalytics.perDay.booked') },
				{ key: 'held', label: t('teamAnalytics.perDay.held') }
			],
			formatCategory: (v) => format.day(v as Date)
		},
		funnel: {
			kind: 'bars',
			x: 'step',
			data: FUNNEL_STEPS.map((step) => ({
				step: t(`teamAnalytics.funnel.${step}`),
				families: a.funnel.find((f) => f.step === step)?.families ?? 0
			})),
			series: [{ key: 'families', label: t('teamAnalytics.funnel.families') }]
		},
		utilisation: {
			kind: 'bars',
			x: 'coach',
			data: a.utilisation
				.filter((u) => u.coachId !== null)
				.map((u) => ({ coach: u.coachName ?? '', rate: u.utilisation ?? 0 })),
			series: [{ key: 'rate', label: t('teamAnalytics.utilisation.rate') }],
			format: format.percent,
			valueDomain: [0, 100]
		},
		ratings: {
			kind: 'columns',
			x: 'stars',
			data: [1, 2, 3, 4, 5].map((n) => ({
				stars: t('teamAnalytics.ratings.stars', { n }),
				count: a.ratings.find((r) => r.coachId === null)?.stars[n - 1] ?? 0
			})),
			series: [{ key: 'count', label: t('teamAnalytics.ratings.rated'), color: '#a34d06' }]
		}
	};
}
