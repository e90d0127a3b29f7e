import http, { type IncomingMessage, type ServerResponse } from 'http';
import type { Socket } from 'net';
import { routeFor, viewTask, wiroError, type ApiReply } from './api';
import { Authenticator } from './auth';
import { parseBody, readBody, recordableBody } from './body';
import { CallbackSender } from './callbacks';
import { FaultPlan } from './faults';
import { serveFile } from './files-route';
import { SocketHub } from './socket';
import { TaskStore, type TaskRecord } from './task-store';
import type {
	RecordedRequest,
	ResolvedOptions,
	Task,
	SocketFaults,
	TaskOutcome,
	WiroFaults,
	WiroServerOptions,
	WiroStats,
} from './types';

const DEFAULT_PROJECTS = [
	{ apiKey: 'test-key', apiSecret: 'test-secret', mode: 'signature' as const },
	{ apiKey: 'key-only', mode: 'apiKey' as const },
];

const emptyStats = (): WiroStats => ({
	run: 0,
	detail: 0,
	cancel: 0,
	kill: 0,
	deleteFiles: 0,
	tasksCreated: 0,
	peakActive: 0,
	rejected96: 0,
	faultsInjected: 0,
	callbacksSent: 0,
	callbackFailures: 0,
	socketConnections: 0,
	socketRefused: 0,
	socketRegistrations: 0,
});

const BAD_GATEWAY_HTML = (status: number): string =>
	`<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

export class WiroServer {
	options: ResolvedOptions;
	requests: RecordedRequest[] = [];
	stats: WiroStats = emptyStats();

	private httpServer?: http.Server;
	private listeningPort?: number;
	private readonly sockets = new Set<Socket>();
	private readonly pendingTimers = new Set<NodeJS.Timeout>();
	private readonly store = new TaskStore((record) => this.onTaskEnd(record));
	private readonly auth = new Authenticator(() => this.options.projects);
	private readonly faultPlan: FaultPlan;
	private readonly callbacks = new CallbackSender(
		() => this.stats.callbacksSent++,
		() => this.stats.callbackFailures++,
	);
	private dropNextRun = false;
	private readonly socketHub = new SocketHub({
		store: this.store,
		stats: () => this.stats,
		revision: () => this.options.socketRevision,
		faults: () => this.options.socketFaults,
		view: (record) => this.view(record),
		log: (message) => this.log(message),
	});

	constructor(options: WiroServerOptions = {}) {
		this.options = {
			port: options.port ?? 0,
			projects: options.projects ?? DEFAULT_PROJECTS.map((project) => ({ ...project })),
			taskDurationMs: options.taskDurationMs ?? 1500,
			outputSize: options.outputSize ?? 64 * 1024,
			sampleVideo: options.sampleVideo,
			callbackShape: options.callbackShape ?? 'detail',
			callbackRepeats: options.callbackRepeats ?? 1,
			callbackUrlInDetail: options.callbackUrlInDetail ?? true,
			callbackRetries: options.callbackRetries ?? 3,
			callbackRetryDelayMs: options.callbackRetryDelayMs ?? 1000,
			faults: options.faults ?? {},
			socketRevision: options.socketRevision ?? 'tasktoken',
			socketFaults: options.socketFaults ?? {},
			log: options.log ?? false,
		};
		this.faultPlan = new FaultPlan(this.options.faults);
	}

	get origin(): string {
		if (this.listeningPort === undefined) throw new Error('WiroServer is not started');
		return `http://127.0.0.1:${this.listeningPort}`;
	}

	get baseUrl(): string {
		return `${this.origin}/v1`;
	}

	/** The task socket's URL (its own port), what a credential's WebSocket URL is set to. */
	get socketUrl(): string {
		return this.socketHub.url;
	}

	/** Task socket connections open right now. */
	get openSocketConnections(): number {
		return this.socketHub.openConnections;
	}

	async start(): Promise<void> {
		const server = http.createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => this.fail(res, error));
		});
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.callbacks.start();
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.options.port, '127.0.0.1', () => resolve());
		});
		const address = server.address();
		this.listeningPort = typeof address === 'object' && address ? address.port : this.options.port;
		this.httpServer = server;
		await this.socketHub.start();
		this.log(`listening on ${this.baseUrl}, task socket ${this.socketUrl}`);
	}

	async stop(): Promise<void> {
		this.callbacks.stop();
		this.store.stopTimers();
		for (const timer of this.pendingTimers) clearTimeout(timer);
		this.pendingTimers.clear();
		await this.socketHub.stop();
		const server = this.httpServer;
		this.httpServer = undefined;
		if (!server) return;
		const closed = new Promise<void>((resolve) => server.close(() => resolve()));
		for (const socket of this.sockets) socket.destroy();
		this.sockets.clear();
		await closed;
	}

	setFaults(faults: WiroFaults): void {
		this.options.faults = faults;
		this.faultPlan.set(faults);
	}

	setSocketFaults(faults: SocketFaults): void {
		this.options.socketFaults = faults;
	}

	setOptions(changes: Partial<Omit<ResolvedOptions, 'port'>>): void {
		Object.assign(this.options, changes);
		if (changes.faults) this.faultPlan.set(changes.faults);
	}

	tasks(): Task[] {
		this.store.settleDue();
		return this.store.all().map((record) => this.view(record));
	}

	getTask(idOrToken: string): Task | undefined {
		this.store.settleDue();
		const record = this.store.find(idOrToken);
		return record && this.view(record);
	}

	reset(): void {
		this.requests = [];
		this.stats = emptyStats();
		this.store.clear();
		this.auth.forgetNonces();
		this.faultPlan.set(this.options.faults);
		this.dropNextRun = false;
	}

	dropNextRunAnswer(): void {
		this.dropNextRun = true;
	}

	finishTask(idOrToken: string, outcome: TaskOutcome): void {
		this.store.settleDue();
		const record = this.store.find(idOrToken);
		if (!record) throw new Error(`unknown task ${idOrToken}`);
		this.store.finish(record, outcome);
	}

	/** From now on the task's output file answers 404, while Task/Detail still lists it. */
	makeOutputUnavailable(idOrToken: string): void {
		const record = this.store.find(idOrToken);
		if (!record) throw new Error(`unknown task ${idOrToken}`);
		record.outputUnavailable = true;
	}

	taskEndedAt(idOrToken: string): number | undefined {
		this.store.settleDue();
		return this.store.find(idOrToken)?.end?.at;
	}

	private view(record: TaskRecord): Task {
		return viewTask({ store: this.store, origin: this.origin, options: this.options }, record);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const body = parseBody(req.headers['content-type'], await readBody(req));
		const method = req.method ?? 'GET';
		this.requests.push({
			method,
			path: url.pathname + url.search,
			headers: req.headers,
			body: recordableBody(body),
			time: Date.now(),
		});
		this.store.settleDue();

		if ((method === 'GET' || method === 'HEAD') && url.pathname.startsWith('/files/')) {
			serveFile(this.store, url.pathname, method, res);
			this.log(`${method} ${url.pathname} -> ${res.statusCode}`);
			return;
		}
		const segments = url.pathname.split('/').slice(1);
		const handler =
			segments[0] === 'v1' && method === 'POST' ? routeFor(segments.slice(1)) : undefined;
		if (!handler) return this.reply(req, res, wiroError(0, 'Error parsing url.', 404));

		if (segments[1] === 'Task' && segments[2] === 'Detail') {
			this.stats.detail++;
			if (!(await this.applyDetailFault(req, res))) return;
		}
		const auth = this.auth.check(req.headers);
		if (!auth.ok) return this.reply(req, res, wiroError(0, auth.message, 401));
		if (!body.valid) return this.reply(req, res, wiroError(0, 'Request parameters are invalid.'));

		const projectIndex = this.options.projects.indexOf(auth.project);
		const context = {
			store: this.store,
			stats: this.stats,
			options: this.options,
			origin: this.origin,
			project: auth.project,
			projectId: String(700 + projectIndex),
		};
		this.store.settleDue();
		const reply = handler(context, body, segments.slice(1));
		if (reply.created && this.dropNextRun) {
			this.dropNextRun = false;
			this.log(`dropping the answer to Run, task ${reply.created.id}`);
			req.socket.destroy();
			return;
		}
		this.reply(req, res, reply);
	}

	/** Returns false when the fault already answered (or killed) the request. */
	private async applyDetailFault(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
		const fault = this.faultPlan.next();
		if (fault.kind === 'none') return true;
		this.stats.faultsInjected++;
		this.log(`fault on Task/Detail: ${fault.kind}`);
		if (fault.kind === 'reset') {
			req.socket.destroy();
			return false;
		}
		if (fault.kind === 'error5xx') {
			const contentType = fault.html ? 'text/html' : 'application/json';
			const text = fault.html
				? BAD_GATEWAY_HTML(fault.status)
				: JSON.stringify({
						result: false,
						errors: [{ code: 0, message: 'Service temporarily unavailable' }],
					});
			res.writeHead(fault.status, {
				'content-type': contentType,
				'content-length': Buffer.byteLength(text),
			});
			res.end(text);
			return false;
		}
		await new Promise<void>((resolve) => {
			const timer = setTimeout(() => {
				this.pendingTimers.delete(timer);
				resolve();
			}, fault.delayMs);
			timer.unref();
			this.pendingTimers.add(timer);
		});
		return !res.destroyed;
	}

	private reply(req: IncomingMessage, res: ServerResponse, reply: ApiReply): void {
		const text = JSON.stringify(reply.body);
		res.writeHead(reply.status, {
			'content-type': 'application/json; charset=utf-8',
			'content-length': Buffer.byteLength(text),
		});
		res.end(text);
		this.log(
			`${req.method} ${req.url} -> ${reply.status} ${text.length > 200 ? `${text.slice(0, 200)}...` : text}`,
		);
	}

	private onTaskEnd(record: TaskRecord): void {
		this.log(`task ${record.id} ended: ${record.end?.outcome}`);
		this.socketHub.taskEnded(record);
		if (!record.callbackUrl || this.listeningPort === undefined) return;
		const task = this.view(record);
		const payload =
			this.options.callbackShape === 'task'
				? task
				: { total: '1', errors: [], tasklist: [task], result: true };
		void this.callbacks.deliver(record.callbackUrl, payload, this.options.callbackRepeats, {
			count: this.options.callbackRetries,
			delayMs: this.options.callbackRetryDelayMs,
		});
	}

	private fail(res: ServerResponse, error: unknown): void {
		this.log(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
		if (res.headersSent || res.destroyed) {
			res.destroy();
			return;
		}
		const reply = wiroError(0, 'Internal server error', 500);
		res.writeHead(reply.status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(reply.body));
	}

	private log(message: string): void {
		if (this.options.log) console.log(`[wiro-fake] ${message}`);
	}
}
