import type { LogLine } from './run-command';

export interface WebhookWaitOptions {
	/** The production webhook URL, on whichever n8n process serves webhooks. */
	url: string;
	method: string;
	timeoutMs: number;
	log: LogLine;
	/** Added to the error when the webhook never appears (for example the process's recent output). */
	details: () => string;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
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
	const startedAt = Date.now();
	let last = 'no answer';
	for (let probe = 1; Date.now() - startedAt < options.timeoutMs; probe++) {
		try {
			const response = await fetch(url, {
				method: 'OPTIONS',
				headers: { origin, 'access-control-request-method': method },
				signal: AbortSignal.timeout(5_000),
			});
			const allowed = response.headers.get('access-control-allow-methods') ?? '';
			if (response.status < 300 && allowed.split(/,\s*/).includes(method)) {
				if (probe > 1)
					options.log(
						`n8n served ${method} ${url} after ${Date.now() - startedAt} ms (${probe} probes)`,
					);
				return;
			}
			last = `${response.status} ${(await response.text()).slice(0, 300)}`;
		} catch (error) {
			last = error instanceof Error ? error.message : String(error);
		}
		await sleep(500);
	}
	throw new Error(
		`n8n did not register ${method} webhook ${url} within ${options.timeoutMs} ms (last answer: ${last})\n` +
			options.details(),
	);
}
