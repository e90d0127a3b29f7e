import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

export interface ReceivedCallback {
	headers: Record<string, string>;
	rawBody: Buffer;
}

/** A real HTTP endpoint for the local Wiro server's callbacks, so tests replay exactly what Wiro sent. */
export class CallbackReceiver {
	readonly received: ReceivedCallback[] = [];

	private server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const headers = Object.fromEntries(
				Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
			);
			this.received.push({ headers, rawBody: Buffer.concat(chunks) });
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});

	async start(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
	}

	get url(): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/callback`;
	}

	async next(count: number, timeoutMs = 5000): Promise<ReceivedCallback> {
		const deadline = Date.now() + timeoutMs;
		while (this.received.length < count) {
			if (Date.now() > deadline) throw new Error(`no callback #${count} within ${timeoutMs} ms`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		return this.received[count - 1];
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
