import { render } from 'svelte/server';
import ServerColumns from './ServerColumns.svelte';
import type { ColumnPoint } from './types';

/**
 * A column chart drawn by LayerChart on the server, as the `<svg>` markup alone: scalable
 * (a viewBox instead of LayerChart's fixed size) and silent for assistive technology, whose
 * reader gets the figure's own name and description instead. Text is escaped by Svelte.
 */
export function drawColumns(points: ColumnPoint[], size = { width: 320, height: 150 }): string {
	const { body } = render(ServerColumns, { props: { points, ...size } });
	const svg = /<svg[^>]*class="lc-layout-svg[^"]*"[^>]*>([\s\S]*)<\/svg>/.exec(body);
	if (!svg) throw new Error('LayerChart drew no <svg>');
	const inner = svg[1]!.replace(/<!--[\s\S]*?-->/g, '');
	return `<svg viewBox="0 0 ${size.width} ${size.height}" aria-hidden="true" focusable="false">${inner}</svg>`;
}
