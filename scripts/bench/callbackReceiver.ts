import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ArrivedCallback {
	path: string;
	rawBody: Buffer;
	/** Date.now() when the whole body had arrived. */
	arrivedAt: number;
}

/**
 * Stands in for n8n's `/webhook-waiting/<executionId>` endpoint: records each callback the
 * local Wiro server sends, and hands it to whoever waits for that execution.
 */
export class CallbackReceiver {
	private readonly arrived: ArrivedCallback[] = [];
	private readonly waiters: Array<{
		executionId: string;
		deliver: (callback: ArrivedCallback) => void;
	}> = [];
	private readonly server = createServer((request, response) => this.receive(request, response));

	async start(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
	}

	get waitingBaseUrl(): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook-waiting`;
	}

	/** The first callback for one execution, or undefined after `timeoutMs`. */
	async next(executionId: string, timeoutMs: number): Promise<ArrivedCallback | undefined> {
		const already = this.arrived.find((callback) => forExecution(callback, executionId));
		if (already) return already;
		return await new Promise((resolve) => {
			const timer = setTimeout(() => resolve(undefined), timeoutMs);
			this.waiters.push({
				executionId,
				deliver: (callback) => {
					clearTimeout(timer);
					resolve(callback);
				},
			});
		});
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private receive(request: IncomingMessage, response: ServerResponse): void {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const callback = {
				path: request.url ?? '',
				rawBody: Buffer.concat(chunks),
				arrivedAt: Date.now(),
			};
			this.arrived.push(callback);
			response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
			for (let index = this.waiters.length - 1; index >= 0; index--) {
				const waiter = this.waiters[index];
				if (!forExecution(callback, waiter.executionId)) continue;
				this.waiters.splice(index, 1);
				waiter.deliver(callback);
			}
		});
	}
}

function forExecution(callback: ArrivedCallback, executionId: string): boolean {
	return new URL(callback.path, 'http://127.0.0.1').pathname.endsWith(`/${executionId}`);
}
