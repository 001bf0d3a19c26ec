/**
 * The probe's first truthy answer, asked every 100 ms: for what happens in another process or
 * a background job (a delivery, a live message), which no promise of ours resolves.
 */
export async function until<T>(
	probe: () => Promise<T | null | undefined | false>,
	timeoutMs = 20_000
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting (${timeoutMs} ms)`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
