import http from 'http';
import https from 'https';

const CALLBACK_TIMEOUT_MS = 5000;

export interface CallbackRetries {
	/** Further attempts after one that failed (no answer, or not 2xx); Wiro retries up to 3 times. */
	count: number;
	delayMs: number;
}

/** Posts JSON to callback URLs, retrying failed deliveries; failures end silently because Wiro does not report them either. */
export class CallbackSender {
	private readonly inFlight = new Set<http.ClientRequest>();
	private readonly waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
	private stopped = false;

	constructor(
		private readonly onDelivered: () => void,
		private readonly onFailed: () => void = () => undefined,
	) {}

	/** Sends the body `repeats` times (duplicates, as Wiro may send), each retried on failure. */
	async deliver(
		url: string,
		body: unknown,
		repeats: number,
		retries: CallbackRetries = { count: 0, delayMs: 0 },
	): Promise<void> {
		const payload = JSON.stringify(body);
		for (let copy = 0; copy < repeats && !this.stopped; copy++) {
			for (let attempt = 0; attempt <= retries.count && !this.stopped; attempt++) {
				if (attempt > 0) await this.wait(retries.delayMs);
				if (this.stopped) return;
				if (await this.post(url, payload)) {
					this.onDelivered();
					break;
				}
				this.onFailed();
			}
		}
	}

	stop(): void {
		this.stopped = true;
		for (const request of this.inFlight) request.destroy();
		this.inFlight.clear();
		for (const wait of this.waits) {
			clearTimeout(wait.timer);
			wait.resolve();
		}
		this.waits.clear();
	}

	start(): void {
		this.stopped = false;
	}

	private wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const entry = {
				timer: setTimeout(() => {
					this.waits.delete(entry);
					resolve();
				}, ms),
				resolve,
			};
			entry.timer.unref();
			this.waits.add(entry);
		});
	}

	/** Resolves true when the receiver answered 2xx. */
	private post(url: string, payload: string): Promise<boolean> {
		return new Promise((resolve) => {
			let target: URL;
			try {
				target = new URL(url);
			} catch {
				resolve(false);
				return;
			}
			const transport = target.protocol === 'https:' ? https : http;
			const request = transport.request(target, {
				method: 'POST',
				agent: false,
				timeout: CALLBACK_TIMEOUT_MS,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(payload),
				},
			});
			this.inFlight.add(request);
			const settle = (delivered: boolean): void => {
				this.inFlight.delete(request);
				resolve(delivered);
			};
			request.on('response', (response) => {
				response.resume();
				const status = response.statusCode ?? 0;
				settle(status >= 200 && status < 300);
			});
			request.on('timeout', () => request.destroy());
			request.on('error', () => settle(false));
			request.on('close', () => settle(false));
			request.end(payload);
		});
	}
}
