import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { parseBody } from '../../dev/wiro-server/body';
import { MODELS, toolDetail, type ModelSpec } from '../../dev/wiro-server/catalog';

/** What arrived at `Run/...`: the headers the node sent and how many bytes came. */
export interface ReceivedRun {
	contentType: string;
	contentLength: string | undefined;
	transferEncoding: string | undefined;
	bytes: number;
}

/**
 * Stands in for Wiro's `Tool/Detail` and `Run` when the Run body is hundreds of megabytes: the local
 * Wiro-compatible server (dev/wiro-server) keeps a whole body in memory and refuses one over 64 MiB,
 * which would measure the server, not the node. This one writes the Run body to disk as it
 * arrives, so the process's memory is the node's, and reads the uploaded file back afterwards.
 */
export class UploadReceiver {
	run?: ReceivedRun;
	private server?: http.Server;
	private readonly bodyPath: string;

	constructor(
		directory: string,
		private readonly model: ModelSpec = MODELS.find(
			(spec) => spec.slugproject === 'Image-To-Video-Demo',
		) as ModelSpec,
	) {
		this.bodyPath = join(directory, 'run-body.bin');
	}

	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('UploadReceiver is not started');
		return `http://127.0.0.1:${address.port}/v1`;
	}

	get slug(): string {
		return `${this.model.slugowner}/${this.model.slugproject}`;
	}

	async start(): Promise<void> {
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				res.writeHead(500).end(String(error));
			});
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	/** The bytes of the file part `name` of the Run body (read from disk after the run). */
	async uploadedFile(name: string): Promise<Buffer | undefined> {
		if (!this.run) return undefined;
		return parseBody(this.run.contentType, await readFile(this.bodyPath)).files[name]?.data;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = req.url ?? '';
		if (path.startsWith('/v1/Run/')) {
			let bytes = 0;
			req.on('data', (chunk: Buffer) => (bytes += chunk.length));
			await pipeline(req, createWriteStream(this.bodyPath));
			this.run = {
				contentType: String(req.headers['content-type'] ?? ''),
				contentLength: req.headers['content-length'],
				transferEncoding: req.headers['transfer-encoding'],
				bytes,
			};
			return json(res, {
				errors: [],
				taskid: '1',
				socketaccesstoken: 'upload-bench-token',
				result: true,
			});
		}
		for await (const chunk of req) void chunk;
		if (path === '/v1/Tool/Detail')
			return json(res, { result: true, errors: [], tool: [toolDetail(this.model)] });
		return json(res, { result: false, errors: [{ code: 0, message: 'Error parsing url.' }] }, 404);
	}
}

function json(res: ServerResponse, body: unknown, status = 200): void {
	res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
