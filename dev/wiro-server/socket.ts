import http, { type IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import { LIFECYCLE, STAGE, type TaskRecord, type TaskStore } from './task-store';
import type { SocketFaults, SocketRevision, Task, WiroStats } from './types';

/** How often a running task reports progress (`task_output`), and newly reached stages are sent. */
const TICK_MS = 1000;

interface Registration {
	record: TaskRecord;
	/** LIFECYCLE index of the last stage sent. */
	sentStage: number;
	ended: boolean;
	timer?: NodeJS.Timeout;
}

interface Connection {
	ws: WebSocket;
	registrations: Registration[];
	timers: Set<NodeJS.Timeout>;
}

export interface SocketHubContext {
	store: TaskStore;
	stats: () => WiroStats;
	revision: () => SocketRevision;
	faults: () => SocketFaults;
	view: (record: TaskRecord) => Task;
	log: (message: string) => void;
}

/**
 * Wiro's task socket (`wss://socket.wiro.ai/v1`, docs/wiro-api.md "WebSocket") on its own port:
 * a client sends `{"type":"task_info","tasktoken":…}` and gets the task's lifecycle messages from
 * then on (earlier ones are not replayed), `task_output` progress while it runs, and the end:
 * task_end, task_postprocess_start, task_postprocess_end (message = outputs), or task_cancel.
 * Two published revisions of the page: 'tasktoken' (messages carry the token) and 'connected'
 * (a `connected` frame first, messages matched by `id` only, final ones with terminal/success/exitCode).
 * Faults: refuse the upgrade, drop after N ms, stay silent, garbage frames, stop at task_end, delay events.
 */
export class SocketHub {
	private httpServer?: http.Server;
	private readonly wss = new WebSocketServer({ noServer: true });
	private readonly connections = new Set<Connection>();
	private port?: number;

	constructor(private readonly ctx: SocketHubContext) {}

	get url(): string {
		if (this.port === undefined) throw new Error('the socket server is not started');
		return `ws://127.0.0.1:${this.port}/v1`;
	}

	/** Connections open right now. */
	get openConnections(): number {
		return this.connections.size;
	}

	async start(port = 0): Promise<void> {
		const server = http.createServer((_req, res) => {
			res.writeHead(426, { 'content-type': 'text/plain' });
			res.end('Upgrade Required');
		});
		server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
			this.upgrade(req, socket, head),
		);
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => resolve());
		});
		const address = server.address();
		this.port = typeof address === 'object' && address ? address.port : port;
		this.httpServer = server;
	}

	async stop(): Promise<void> {
		for (const connection of this.connections) this.drop(connection);
		const server = this.httpServer;
		this.httpServer = undefined;
		if (!server) return;
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** The store ended a task (naturally, killed, cancelled): tell every connection registered for it. */
	taskEnded(record: TaskRecord): void {
		for (const connection of this.connections) {
			for (const registration of connection.registrations) {
				if (registration.record === record) this.advance(connection, registration);
			}
		}
	}

	private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
		if (
			new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/v1' ||
			this.ctx.faults().refuse
		) {
			this.ctx.stats().socketRefused++;
			socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
			return;
		}
		this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
	}

	private accept(ws: WebSocket): void {
		const connection: Connection = { ws, registrations: [], timers: new Set() };
		this.connections.add(connection);
		this.ctx.stats().socketConnections++;
		ws.on('close', () => this.forget(connection));
		ws.on('error', () => this.drop(connection));
		ws.on('message', (data, isBinary) => this.receive(connection, data, isBinary));
		const { dropAfterMs } = this.ctx.faults();
		if (dropAfterMs !== undefined) this.later(connection, dropAfterMs, () => this.drop(connection));
		if (this.ctx.revision() === 'connected')
			this.send(connection, { type: 'connected', version: '1.0' }, 0);
	}

	private receive(connection: Connection, data: RawData, isBinary: boolean): void {
		if (isBinary) return;
		let message: unknown;
		try {
			message = JSON.parse(data.toString());
		} catch {
			return;
		}
		if (typeof message !== 'object' || message === null) return;
		const { type, tasktoken } = message as Record<string, unknown>;
		if (type !== 'task_info' || typeof tasktoken !== 'string') return;
		this.ctx.store.settleDue();
		const record = this.ctx.store.find(tasktoken);
		// An unknown token, or a task that already ended: nothing to say, as nothing is replayed.
		if (!record) return;
		this.ctx.stats().socketRegistrations++;
		const registration: Registration = {
			record,
			sentStage: this.ctx.store.stageIndex(record),
			ended: Boolean(record.end),
		};
		connection.registrations.push(registration);
		if (registration.ended) return;
		registration.timer = setInterval(() => this.advance(connection, registration), TICK_MS);
		registration.timer.unref();
	}

	/** Sends the stages reached since the last tick, a progress message while running, and the end. */
	private advance(connection: Connection, registration: Registration): void {
		if (registration.ended) return;
		const { record } = registration;
		const now = Date.now();
		const stopAtTaskEnd = this.ctx.faults().stopAtTaskEnd === true;
		// The final message is sent on its own below, with the outputs.
		const reached = Math.min(this.ctx.store.stageIndex(record, now), STAGE.task_postprocess_start);
		for (let stage = registration.sentStage + 1; stage <= reached; stage++) {
			if (stopAtTaskEnd && stage > STAGE.task_end) break;
			const type = LIFECYCLE[stage];
			if (type === 'task_output') continue;
			this.sendTask(
				connection,
				record,
				type,
				type === 'task_output_full' ? { raw: 'Generating frames...\n' } : null,
			);
		}
		registration.sentStage = Math.max(registration.sentStage, reached);
		if (record.end) {
			registration.ended = true;
			clearInterval(registration.timer);
			if (stopAtTaskEnd && reached >= STAGE.task_end) return;
			if (record.end.status === 'task_cancel')
				this.sendTask(connection, record, 'task_cancel', null);
			else this.sendTask(connection, record, 'task_postprocess_end', this.ctx.view(record).outputs);
			return;
		}
		const start = record.stageAt[STAGE.task_start];
		const end = record.stageAt[STAGE.task_end];
		if (reached >= STAGE.task_start && reached < STAGE.task_output_full && end > start) {
			const percentage = String(
				Math.max(0, Math.min(99, Math.floor(((now - start) / (end - start)) * 100))),
			);
			this.sendTask(connection, record, 'task_output', {
				type: 'progressGenerate',
				task: 'Generate',
				percentage,
				stepCurrent: percentage,
				stepTotal: '100',
				speed: '1.0',
				speedType: 'it/s',
				elapsedTime: `${Math.round((now - start) / 1000)}s`,
				remainingTime: `${Math.round((end - now) / 1000)}s`,
			});
		}
	}

	private sendTask(
		connection: Connection,
		record: TaskRecord,
		type: string,
		message: unknown,
	): void {
		const revision = this.ctx.revision();
		const body: Record<string, unknown> =
			revision === 'connected'
				? { type, id: record.id, message: type === 'task_output_full' ? '' : message, result: true }
				: { type, id: record.id, tasktoken: record.token, message, result: true };
		if (revision === 'connected' && (type === 'task_postprocess_end' || type === 'task_cancel')) {
			const success = record.end?.outcome === 'success';
			Object.assign(body, {
				terminal: true,
				success,
				exitCode: type === 'task_cancel' ? null : success ? 0 : 1,
			});
		}
		this.send(connection, body, this.ctx.faults().delayMs ?? 0);
	}

	private send(connection: Connection, body: Record<string, unknown>, delayMs: number): void {
		const faults = this.ctx.faults();
		if (faults.silent) return;
		const frame = faults.garbage ? '<html>502 Bad Gateway</html>' : JSON.stringify(body);
		const deliver = (): void => {
			if (connection.ws.readyState === connection.ws.OPEN) connection.ws.send(frame);
		};
		if (delayMs > 0) this.later(connection, delayMs, deliver);
		else deliver();
	}

	private later(connection: Connection, ms: number, run: () => void): void {
		const timer = setTimeout(() => {
			connection.timers.delete(timer);
			run();
		}, ms);
		timer.unref();
		connection.timers.add(timer);
	}

	private drop(connection: Connection): void {
		connection.ws.terminate();
		this.forget(connection);
	}

	private forget(connection: Connection): void {
		if (!this.connections.delete(connection)) return;
		for (const registration of connection.registrations) clearInterval(registration.timer);
		for (const timer of connection.timers) clearTimeout(timer);
		connection.timers.clear();
	}
}
