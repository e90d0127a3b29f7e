import { WIRO_CREDENTIAL, type WiroContext } from '../transport';
import { TaskSocket, webSocketAvailable, type SocketTask } from './taskSocket';

const WIRO_DEFAULT_SOCKET_URL = 'wss://socket.wiro.ai/v1';

/** An open socket that sends nothing for this long counts as broken (Wiro documents no heartbeat). */
const SOCKET_SILENCE_MS = 30_000;
/** After a socket broke, the next connection is tried after this, doubling up to the longest. */
const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 60_000;

/** The credential's WebSocket URL; empty turns real-time updates off. Credentials saved before the field existed get Wiro's. */
export async function wiroSocketUrl(context: WiroContext): Promise<string | undefined> {
	const credentials = await context.getCredentials(WIRO_CREDENTIAL);
	const url =
		credentials.socketUrl === undefined
			? WIRO_DEFAULT_SOCKET_URL
			: String(credentials.socketUrl).trim();
	return url === '' ? undefined : url;
}

/** What the socket tells the poll loop about when to call Task/Detail next. */
export type SocketAdvice =
	/** Call Task/Detail now: the socket rang (an end hint) or just registered the task. */
	| 'detailNow'
	/** The socket is healthy and Task/Detail has confirmed the task since it registered: only a safety-net check is due. */
	| 'listening'
	/** No healthy socket: poll with the back-off. */
	| 'poll';

/**
 * Keeps one task's socket going while the task is awaited: opens it, notices when it breaks or
 * stays silent, reconnects later with a back-off, and closes it when the wait ends. A task that
 * ended while no socket was registered sends nothing, so every registration is followed by a
 * Task/Detail call (the advice `detailNow`).
 */
export class SocketWatch {
	private socket?: TaskSocket;
	private hintsConfirmed = 0;
	private hintsBefore = 0;
	private registeredUnconfirmed = false;
	private retryAt = 0;
	private retryMs = FIRST_RETRY_MS;
	private closed = false;
	private pending?: { promise: Promise<void>; resolve: () => void };

	/** Whether an end hint ever came: from then on a task that is not yet terminal is polled quickly. */
	ending = false;

	private constructor(
		private readonly url: string,
		private readonly task: SocketTask,
	) {
		this.connect();
	}

	/** A watch on the task's socket, or undefined when there is no URL, no token, or no WebSocket in this runtime. */
	static open(
		url: string | undefined,
		task: { taskId?: string; taskToken?: string },
	): SocketWatch | undefined {
		if (!url || !task.taskToken || !webSocketAvailable()) return undefined;
		return new SocketWatch(url, { taskId: task.taskId, taskToken: task.taskToken });
	}

	/** Resolves at the next change: a hint, a registration, a breakage. */
	changed(): Promise<void> {
		if (!this.pending) {
			let resolve = (): void => {};
			const promise = new Promise<void>((done) => (resolve = done));
			this.pending = { promise, resolve };
		}
		return this.pending.promise;
	}

	/** Applies the silence rule and reconnects when due; then says what the poll loop should do. */
	advise(now: number): SocketAdvice {
		const socket = this.socket;
		if (
			socket &&
			(socket.state === 'connecting' || socket.state === 'registered') &&
			now - socket.lastActivityAt >= SOCKET_SILENCE_MS
		) {
			socket.abandon();
		}
		if (!this.closed && (!this.socket || this.socket.state === 'broken') && now >= this.retryAt)
			this.connect();
		const hints = this.hintsBefore + (this.socket?.endHints ?? 0);
		if (hints > this.hintsConfirmed) return 'detailNow';
		if (this.socket?.healthy) return this.registeredUnconfirmed ? 'detailNow' : 'listening';
		return 'poll';
	}

	/** When the watch itself needs the loop awake again: the silence deadline or the next reconnect. */
	nextCheckAt(): number {
		const socket = this.socket;
		if (socket && (socket.state === 'connecting' || socket.state === 'registered'))
			return socket.lastActivityAt + SOCKET_SILENCE_MS;
		return this.retryAt;
	}

	/** Called before each Task/Detail call: what the socket said so far is being confirmed by it. */
	detailCalled(): void {
		const hints = this.hintsBefore + (this.socket?.endHints ?? 0);
		if (hints > 0) this.ending = true;
		this.hintsConfirmed = hints;
		if (this.socket?.healthy) this.registeredUnconfirmed = false;
	}

	close(): void {
		this.closed = true;
		this.socket?.close();
		this.socket = undefined;
		this.wake();
	}

	private connect(): void {
		if (this.socket) {
			this.hintsBefore += this.socket.endHints;
			this.socket.close();
		}
		let registeredAt: number | undefined;
		let socket: TaskSocket;
		const onChange = (): void => {
			if (socket !== this.socket) return;
			if (socket.state === 'registered' && registeredAt === undefined) {
				registeredAt = Date.now();
				this.registeredUnconfirmed = true;
			}
			if (socket.state === 'broken') {
				const now = Date.now();
				// Only a connection that held for a while earns a quick retry; one cut again and again backs off.
				if (registeredAt !== undefined && now - registeredAt >= LONGEST_RETRY_MS)
					this.retryMs = FIRST_RETRY_MS;
				this.registeredUnconfirmed = false;
				this.retryAt = now + this.retryMs;
				this.retryMs = Math.min(LONGEST_RETRY_MS, this.retryMs * 2);
			}
			this.wake();
		};
		try {
			socket = new TaskSocket(this.url, this.task, onChange);
		} catch {
			// A URL the runtime cannot parse will not get better: poll for the rest of this wait.
			this.socket = undefined;
			this.retryAt = Number.POSITIVE_INFINITY;
			return;
		}
		this.socket = socket;
	}

	private wake(): void {
		const pending = this.pending;
		this.pending = undefined;
		pending?.resolve();
	}
}
