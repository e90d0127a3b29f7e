import http from 'http';
import https from 'https';

const CALLBACK_TIMEOUT_MS = 5000;

/** Posts JSON to callback URLs; failures are swallowed because Wiro does not report them either. */
export class CallbackSender {
	private readonly inFlight = new Set<http.ClientRequest>();
	private stopped = false;

	constructor(private readonly onDelivered: () => void) {}

	async deliver(url: string, body: unknown, repeats: number): Promise<void> {
		for (let attempt = 0; attempt < repeats && !this.stopped; attempt++) {
			if (await this.post(url, JSON.stringify(body))) this.onDelivered();
		}
	}

	stop(): void {
		this.stopped = true;
		for (const request of this.inFlight) request.destroy();
		this.inFlight.clear();
	}

	start(): void {
		this.stopped = false;
	}

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
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
			});
			this.inFlight.add(request);
			const settle = (delivered: boolean): void => {
				this.inFlight.delete(request);
				resolve(delivered);
			};
			request.on('response', (response) => {
				response.resume();
				settle(true);
			});
			request.on('timeout', () => request.destroy());
			request.on('error', () => settle(false));
			request.on('close', () => settle(false));
			request.end(payload);
		});
	}
}
