import type { LogLine } from './run-command';
import { waitUntil } from './wait-until';

export interface WebhookWaitOptions {
	/** The production webhook URL, on whichever n8n process serves webhooks. */
	url: string;
	method: string;
	timeoutMs: number;
	log: LogLine;
	/** Added to the error when the webhook never appears (for example the process's recent output). */
	details: () => string;
}

/**
 * Waits until n8n serves a production webhook, without calling it. n8n 2.x activates published
 * workflows in the background after it reports itself ready (and retries an activation that
 * failed), so a webhook can answer 404 for a while after start. A CORS preflight names the methods
 * registered for the path, and answers an error (404 or 500) while there are none.
 */
export async function waitForWebhook(options: WebhookWaitOptions): Promise<void> {
	const { url, method } = options;
	const origin = new URL(url).origin;
	let probes = 0;
	let last = 'no answer';
	const served = async (): Promise<boolean> => {
		probes++;
		try {
			const response = await fetch(url, {
				method: 'OPTIONS',
				headers: { origin, 'access-control-request-method': method },
				signal: AbortSignal.timeout(5_000),
			});
			const allowed = response.headers.get('access-control-allow-methods') ?? '';
			last = `${response.status} ${(await response.text()).slice(0, 300)}`;
			return response.status < 300 && allowed.split(/,\s*/).includes(method);
		} catch (error) {
			last = error instanceof Error ? error.message : String(error);
			return false;
		}
	};
	const waitedMs = await waitUntil(served, {
		what: `n8n serving ${method} ${url}`,
		timeoutMs: options.timeoutMs,
		intervalMs: 500,
		details: () => `last answer: ${last}\n${options.details()}`,
	});
	if (probes > 1)
		options.log(`n8n served ${method} ${url} after ${waitedMs} ms (${probes} probes)`);
}
