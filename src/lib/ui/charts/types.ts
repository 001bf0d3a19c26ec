/** What the app's charts draw (`Chart.svelte`, loaded on demand by `LazyChart.svelte`). */
export type ChartKind = 'columns' | 'bars' | 'lines';

export interface ChartSeries {
	key: string;
	label: string;
	/** A CSS colour; the app's palette by default. */
	color?: string;
}

export interface ChartSpec {
	kind: ChartKind;
	/** One object per category (columns, bars) or per point in time (lines: `x` holds a Date). */
	data: Record<string, string | number | Date | null>[];
	/** The category or time key. */
	x: string;
	series: ChartSeries[];
	/** Drawing height in px; bars grow with their count. */
	height?: number;
	/** A value's label on the value axis (a percentage…). */
	format?: (value: number) => string;
	/** A category's or date's label on the other axis. */
	formatCategory?: (value: string | Date) => string;
	/** Fixed value domain, e.g. [0, 100] for percentages. */
	valueDomain?: [number, number];
}

export const PALETTE = ['var(--c-primary)', 'var(--c-accent)', '#17663a', '#7b3fa0'];

/** One column of a server-drawn chart (`ServerColumns.svelte`). */
export interface ColumnPoint {
	label: string;
	value: number;
}
