/**
 * Every table of the team analytics, built once from the figures: the page renders them (each
 * chart's accessible alternative too) and the CSV export writes the same rows. Cells keep raw
 * values; the column's kind says how to show them (a percentage, euros from cents…).
 */
import '$lib/i18n/staff';
import type { MessageKey } from '$lib/i18n';
import { FUNNEL_STEPS, type TeamAnalytics } from './types';

export const TABLE_IDS = [
	'per-day',
	'funnel',
	'utilisation',
	'engagement',
	'rebooking',
	'cohorts',
	'revenue-subject',
	'revenue-coach',
	'losses',
	'ratings',
	'feedback',
	'adoption'
] as const;
export type TableId = (typeof TABLE_IDS)[number];
export const isTableId = (value: string): value is TableId =>
	(TABLE_IDS as readonly string[]).includes(value);

export type ColumnKind = 'text' | 'date' | 'int' | 'decimal' | 'percent' | 'cents';
export type Cell = string | number | null;

export interface Column {
	label: string;
	kind: ColumnKind;
}

export interface Table {
	id: TableId;
	title: string;
	columns: Column[];
	rows: Cell[][];
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const share = (part: number, whole: number) =>
	whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
const col = (label: string, kind: ColumnKind = 'int'): Column => ({ label, kind });

export function buildTables(a: TeamAnalytics, t: T): Record<TableId, Table> {
	const overall = t('teamAnalytics.overall');
	const k = <K extends string>(key: K) => `teamAnalytics.${key}` as const;
	const started = a.funnel[0]?.families ?? 0;
	const revenueRows = (dimension: 'subject' | 'coach') =>
		[
			...a.revenue.filter((r) => r.dimension === 'all'),
			...a.revenue.filter((r) => r.dimension === dimension)
		].map((r) => [
			r.dimension === 'all' ? overall : (r.label ?? r.key),
			r.chargedSessions,
			r.creditsUsed,
			r.creditsRefunded,
			r.netCents,
			r.centsPerSession
		]);
	const revenueColumns = [
		col(t('teamAnalytics.revenue.name'), 'text'),
		col(t('teamAnalytics.revenue.charged')),
		col(t('teamAnalytics.revenue.used')),
		col(t('teamAnalytics.revenue.refunded')),
		col(t('teamAnalytics.revenue.net'), 'cents'),
		col(t('teamAnalytics.revenue.perSession'), 'cents')
	];
	const longestCohort = Math.max(0, ...a.cohorts.map((c) => c.active.length));
	const tables: Omit<Table, 'id'>[] = [
		{
			title: t(k('perDay.title')),
			columns: [
				col(t(k('perDay.day')), 'date'),
				col(t(k('perDay.booked'))),
				col(t(k('perDay.held')))
			],
			rows: a.perDay.map((d) => [d.day, d.booked, d.held])
		},
		{
			title: t(k('funnel.title')),
			columns: [
				col(t(k('funnel.step')), 'text'),
				col(t(k('funnel.families'))),
				col(t(k('funnel.ofStart')), 'percent')
			],
			rows: FUNNEL_STEPS.map((step) => {
				const families = a.funnel.find((f) => f.step === step)?.families ?? 0;
				return [t(`teamAnalytics.funnel.${step}`), families, share(families, started)];
			})
		},
		{
			title: t(k('utilisation.title')),
			columns: [
				col(t('teamAnalytics.coach'), 'text'),
				col(t(k('utilisation.open')), 'decimal'),
				col(t(k('utilisation.booked')), 'decimal'),
				col(t(k('utilisation.rate')), 'percent')
			],
			rows: a.utilisation.map((u) => [
				u.coachName ?? overall,
				u.openHours,
				u.bookedHours,
				u.utilisation
			])
		},
		{
			title: t(k('engagement.title')),
			columns: [
				col(t(k('engagement.month')), 'text'),
				col(t(k('engagement.active'))),
				col(t(k('engagement.sessions'))),
				col(t(k('engagement.perStudent')), 'decimal')
			],
			rows: a.engagement.map((e) => [e.month, e.activeStudents, e.sessions, e.perStudent])
		},
		{
			title: t(k('rebooking.title')),
			columns: [
				col(t(k('cohorts.size'))),
				col(t(k('rebooking.title'))),
				col(t(k('adoption.share')), 'percent')
			],
			rows: [[a.rebooking.students, a.rebooking.rebooked, a.rebooking.share]]
		},
		{
			title: t(k('cohorts.title')),
			columns: [
				col(t(k('cohorts.cohort')), 'text'),
				col(t(k('cohorts.size'))),
				...Array.from({ length: longestCohort }, (_, n) =>
					col(t(k('cohorts.offset'), { n }), 'percent')
				)
			],
			rows: a.cohorts.map((c) => [
				c.cohort,
				c.size,
				...Array.from({ length: longestCohort }, (_, n) =>
					c.active[n] === undefined ? null : share(c.active[n], c.size)
				)
			])
		},
		{
			title: `${t(k('revenue.title'))} · ${t(k('revenue.bySubject'))}`,
			columns: revenueColumns,
			rows: revenueRows('subject')
		},
		{
			title: `${t(k('revenue.title'))} · ${t(k('revenue.byCoach'))}`,
			columns: revenueColumns,
			rows: revenueRows('coach')
		},
		{
			title: t(k('losses.title')),
			columns: [
				col(t(k('losses.outcome')), 'text'),
				col(t(k('losses.byWhom')), 'text'),
				col(t(k('losses.refund')), 'text'),
				col(t(k('losses.sessions'))),
				col(t(k('losses.rate')), 'percent')
			],
			rows: a.losses.rows.map((l) => [
				t(`teamAnalytics.losses.${l.outcome}`),
				t(`teamAnalytics.losses.${l.byWhom ?? 'unknown'}`),
				t(l.refunded ? 'teamAnalytics.losses.refunded' : 'teamAnalytics.losses.notRefunded'),
				l.sessions,
				share(l.sessions, a.losses.total)
			])
		},
		{
			title: t(k('ratings.title')),
			columns: [
				col(t('teamAnalytics.coach'), 'text'),
				col(t(k('ratings.completed'))),
				col(t(k('ratings.rated'))),
				col(t(k('ratings.response')), 'percent'),
				col(t(k('ratings.average')), 'decimal'),
				...[1, 2, 3, 4, 5].map((n) => col(t(k('ratings.stars'), { n })))
			],
			rows: a.ratings.map((r) => [
				r.coachName ?? overall,
				r.completed,
				r.rated,
				r.responseRate,
				r.average,
				...r.stars
			])
		},
		{
			title: t(k('feedback.title')),
			columns: [
				col(t('teamAnalytics.coach'), 'text'),
				col(t('teamAnalytics.subject'), 'text'),
				col(t(k('ratings.average')), 'int'),
				col(t(k('feedback.title')), 'text'),
				col(t(k('perDay.day')), 'date')
			],
			rows: a.feedback.map((f) => [
				f.coachName,
				f.subjectCode,
				f.rating,
				f.feedback,
				f.ratedAt.slice(0, 10)
			])
		},
		{
			title: t(k('adoption.title')),
			columns: [
				col(t(k('adoption.feature')), 'text'),
				col(t(k('adoption.users'))),
				col(t(k('adoption.population'))),
				col(t(k('adoption.share')), 'percent')
			],
			rows: a.adoption.map((r) => [
				t(`teamAnalytics.adoption.${r.feature}`),
				r.users,
				r.population,
				share(r.users, r.population)
			])
		}
	];
	return Object.fromEntries(TABLE_IDS.map((id, i) => [id, { id, ...tables[i]! }])) as Record<
		TableId,
		Table
	>;
}

/** RFC 4180: comma-separated, CRLF, quotes doubled; numbers raw (euros from cents). */
export function toCsv(table: Table): string {
	const quote = (value: string) =>
		/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
	const cell = (value: Cell, column: Column | undefined) => {
		if (value === null) return '';
		if (typeof value === 'number') return String(column?.kind === 'cents' ? value / 100 : value);
		// A spreadsheet runs a cell starting with = + - @ as a formula: never from a family's text.
		return quote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
	};
	const lines = [
		table.columns.map((c) => quote(c.label)).join(','),
		...table.rows.map((row) => row.map((v, i) => cell(v, table.columns[i])).join(','))
	];
	return lines.join('\r\n') + '\r\n';
}
