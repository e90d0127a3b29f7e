/** Polls `predicate` until it is truthy; rejects after `timeoutMs`. */
export async function waitFor(
	predicate: () => boolean | Promise<boolean>,
	timeoutMs = 5000,
	intervalMs = 10,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await predicate())) {
		if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}
