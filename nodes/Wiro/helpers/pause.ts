import { sleep } from 'n8n-workflow';

/**
 * Waits `ms`, or less when `wake` resolves first or the execution is stopped. The timer is always
 * cleared on the way out, so an early wake-up leaves nothing behind; no listener is added to the
 * shared execution signal, however many items wait at once.
 */
export async function pause(ms: number, signal?: AbortSignal, wake?: Promise<void>): Promise<void> {
	if (signal?.aborted) return;
	const timer = new AbortController();
	const elapsed = sleep(ms, signal ? AbortSignal.any([signal, timer.signal]) : timer.signal).then(
		() => 'elapsed',
		() => 'interrupted',
	);
	try {
		await Promise.race(wake ? [elapsed, wake] : [elapsed]);
	} finally {
		timer.abort();
	}
}
