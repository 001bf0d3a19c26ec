/** Small numeric helpers shared by the benchmark modules. */

/** Nearest-rank percentile of an ascending array (0 when empty). */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return 0;
	const rank = Math.ceil((p / 100) * sorted.length) - 1;
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function p50p95(values: readonly number[]): { p50: number; p95: number } {
	const sorted = [...values].sort((a, b) => a - b);
	return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * Run `clients` loops in parallel for `durationMs`, each calling `attempt(client)` back to back.
 * Returns the tally of outcomes and the real elapsed seconds.
 */
export async function runClients<Outcome extends string>(
	clients: number,
	durationMs: number,
	attempt: (client: number) => Promise<Outcome>
): Promise<{ counts: Map<Outcome, number>; seconds: number }> {
	const counts = new Map<Outcome, number>();
	const started = performance.now();
	const deadline = started + durationMs;
	await Promise.all(
		Array.from({ length: clients }, async (_, client) => {
			while (performance.now() < deadline) {
				const outcome = await attempt(client);
				counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
			}
		})
	);
	return { counts, seconds: (performance.now() - started) / 1000 };
}
