import { sleep } from 'n8n-workflow';

/**
 * Waits `ms`, or less when `wake` resolves first or the execution is stopped. The timer is always
 * cleared on the way out, so an early wake-up leaves nothing behind.
 */
export async function pause(ms: number, signal?: AbortSignal, wake?: Promise<void>): Promise<void> {
	if (signal?.aborted) return;
	const timer = new AbortController();
	const stop = (): void => timer.abort();
	signal?.addEventListener('abort', stop, { once: true });
	const elapsed = sleep(ms, timer.signal).then(
		() => 'elapsed',
		() => 'interrupted',
	);
	try {
		await Promise.race(wake ? [elapsed, wake] : [elapsed]);
	} finally {
		timer.abort();
		signal?.removeEventListener('abort', stop);
	}
}
