export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface WaitUntilOptions {
	what: string;
	timeoutMs: number;
	intervalMs?: number;
	/** Called before each try: throw to stop waiting (a process that died). */
	check?: () => void;
	/** Added to the timeout error. */
	details?: () => string;
}

/** Polls `ready` until it resolves true; bounded in time. */
export async function waitUntil(
	ready: () => Promise<boolean> | boolean,
	options: WaitUntilOptions,
): Promise<number> {
	const startedAt = Date.now();
	for (;;) {
		options.check?.();
		if (await ready()) return Date.now() - startedAt;
		if (Date.now() - startedAt > options.timeoutMs) {
			const details = options.details?.() ?? '';
			throw new Error(
				`${options.what}: not ready after ${options.timeoutMs} ms${details ? `\n${details}` : ''}`,
			);
		}
		await sleep(options.intervalMs ?? 250);
	}
}

/** Whether GET `url` answers 200 (health endpoints). */
export async function answersOk(url: string): Promise<boolean> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
		await response.arrayBuffer();
		return response.status === 200;
	} catch {
		return false;
	}
}
