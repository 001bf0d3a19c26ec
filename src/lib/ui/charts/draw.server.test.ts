import { describe, expect, it } from 'vitest';
import { drawColumns } from './draw.server';

const heights = (svg: string) =>
	[...svg.matchAll(/<rect[^>]*class="[^"]*lc-bars-bar[^"]*"[^>]*\sheight="([\d.]+)"/g)].map((m) =>
		Number(m[1])
	);

describe('drawColumns (LayerChart, server-side)', () => {
	it('draws one column per point, scaled to the largest, each value written above it', () => {
		const svg = drawColumns([
			{ label: 'oct.', value: 2 },
			{ label: 'nov.', value: 4 },
			{ label: 'déc.', value: 0 }
		]);
		expect(svg).toMatch(/^<svg viewBox="0 0 320 150" aria-hidden="true" focusable="false">/);
		const [oct, nov, dec] = heights(svg);
		expect(nov).toBeGreaterThan(0);
		expect(oct).toBeCloseTo(nov! / 2, 5);
		expect(dec).toBe(0);
		const labels = [...svg.matchAll(/lc-labels-text[^>]*><tspan[^>]*>([^<]*)</g)].map((m) => m[1]);
		expect(labels).toEqual(['2', '4', '0']);
		for (const month of ['oct.', 'nov.', 'déc.']) expect(svg).toContain(`>${month}</tspan>`);
		// Only the drawing: no LayerChart container, no comment, no second role for the image.
		expect(svg).not.toMatch(/<div|<!--|role=/);
	});

	it('escapes the text it draws', () => {
		const svg = drawColumns([{ label: '<img src=x onerror=alert(1)>', value: 1 }]);
		expect(svg).not.toContain('<img');
		expect(svg).toContain('&lt;img');
	});

	it('draws an empty history as flat columns, not a division by zero', () => {
		expect(
			heights(
				drawColumns([
					{ label: 'a', value: 0 },
					{ label: 'b', value: 0 }
				])
			)
		).toEqual([0, 0]);
	});
});
