/** The parts of the runtime's own WebSocket (WHATWG, global in Node.js 22+) this package uses. */
interface RuntimeWebSocket {
	readonly readyState: number;
	send(data: string): void;
	close(): void;
	addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

// Module-scoped on purpose: it names the runtime's global without declaring one for the whole package.
declare const WebSocket: (new (url: string) => RuntimeWebSocket) | undefined;

/** Messages after which the task may have ended: Task/Detail is asked at once. */
const END_HINTS = ['task_end', 'task_postprocess_end', 'task_cancel'];

export type TaskSocketState = 'connecting' | 'registered' | 'broken' | 'closed';

export interface SocketTask {
	taskId?: string;
	taskToken: string;
}

/** Whether this runtime has a WebSocket (Node.js 22+, or 20 with --experimental-websocket). */
export function webSocketAvailable(): boolean {
	return typeof WebSocket === 'function';
}

/**
 * One connection to Wiro's task socket for one task, as Wiro documents it: connect, send
 * `task_info` with the task token, read the lifecycle messages. It is only a doorbell: it tells
 * that something happened (an end hint, a state change), never whether the task succeeded.
 * Anything unexpected (refused, closed, an error, a frame that is not JSON, `result: false`)
 * marks it broken, and the caller polls instead.
 */
export class TaskSocket {
	state: TaskSocketState = 'connecting';

	/** How many end hints arrived (task_end, task_postprocess_end, task_cancel, or `terminal`). */
	endHints = 0;

	/** Date.now() of the last sign of life: opening, or any frame. */
	lastActivityAt = Date.now();

	private readonly socket: RuntimeWebSocket;

	constructor(
		url: string,
		private readonly task: SocketTask,
		private readonly onChange: () => void,
	) {
		if (typeof WebSocket !== 'function') throw new Error('This runtime has no WebSocket');
		this.socket = new WebSocket(url);
		this.socket.addEventListener('open', () => this.register());
		this.socket.addEventListener('message', (event) => this.receive(event.data));
		this.socket.addEventListener('error', () => this.fail());
		this.socket.addEventListener('close', () => this.fail());
	}

	get healthy(): boolean {
		return this.state === 'registered';
	}

	/** Closes the connection (also while it is still connecting); no more changes are reported. */
	close(): void {
		if (this.state === 'closed') return;
		this.state = 'closed';
		try {
			this.socket.close();
		} catch {
			// Closing a connection that never opened can throw in some runtimes; there is nothing left to free.
		}
	}

	/** Marks the socket broken (e.g. silent too long) and closes it. */
	abandon(): void {
		if (this.state === 'closed' || this.state === 'broken') return;
		this.fail();
	}

	private register(): void {
		if (this.state !== 'connecting') return;
		this.lastActivityAt = Date.now();
		try {
			this.socket.send(JSON.stringify({ type: 'task_info', tasktoken: this.task.taskToken }));
		} catch {
			this.fail();
			return;
		}
		this.change('registered');
	}

	private receive(data: unknown): void {
		if (this.state === 'closed' || this.state === 'broken') return;
		this.lastActivityAt = Date.now();
		// Binary frames only carry realtime models' audio (Wiro's WebSocket page): nothing for this package.
		if (typeof data !== 'string') return;
		const message = parseObject(data);
		if (!message || message.result === false) {
			this.fail();
			return;
		}
		if (!this.concernsOurTask(message)) return;
		const type = typeof message.type === 'string' ? message.type : '';
		if (END_HINTS.includes(type) || message.terminal === true) {
			this.endHints++;
			this.onChange();
		}
	}

	/** Messages are matched by token or id when they carry one, otherwise by the connection they came on. */
	private concernsOurTask(message: Record<string, unknown>): boolean {
		if (typeof message.tasktoken === 'string' && message.tasktoken !== '')
			return message.tasktoken === this.task.taskToken;
		const id = message.id;
		if (
			this.task.taskId !== undefined &&
			(typeof id === 'string' || typeof id === 'number') &&
			String(id) !== ''
		) {
			return String(id) === this.task.taskId;
		}
		return true;
	}

	private fail(): void {
		if (this.state === 'closed' || this.state === 'broken') return;
		this.change('broken');
		try {
			this.socket.close();
		} catch {
			// See close().
		}
	}

	private change(state: TaskSocketState): void {
		this.state = state;
		this.onChange();
	}
}

function parseObject(text: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
