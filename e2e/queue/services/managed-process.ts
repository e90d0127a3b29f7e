import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { trackProcessGroup, untrackProcessGroup } from '../../../dev/n8n/process-cleanup';
import { killProcessGroup } from '../../../dev/n8n/run-command';
import type { Tracker } from './reaper';

export interface ManagedProcessOptions {
	/** Short name for messages: `redis`, `n8n worker`, … */
	label: string;
	command: string;
	args: readonly string[];
	env?: NodeJS.ProcessEnv | undefined;
	cwd?: string | undefined;
	/** Run as this user (the caller must be root). */
	uid?: number | undefined;
	gid?: number | undefined;
	/** Where stdout and stderr go in full. */
	logFile: string;
	/** Also killed by this watcher if the test process dies. */
	tracker?: Tracker | undefined;
}

const TAIL_CHARS = 20_000;
const MAX_LINES = 20_000;

/**
 * A long-running server started in its own process group, registered with the
 * real-n8n library's cleanup (dev/n8n) so it dies with the test process even on a crash.
 * Keeps its output lines for assertions and failure messages.
 */
export class ManagedProcess {
	private tail = '';
	private partial = '';
	private readonly outputLines: string[] = [];
	private exitCode: number | null | undefined;
	private readonly exited: Promise<void>;

	private constructor(
		readonly label: string,
		private readonly child: ChildProcess,
		private readonly logStream: WriteStream,
	) {
		const keep = (chunk: Buffer): void => {
			logStream.write(chunk);
			const text = chunk.toString('utf8');
			this.tail = (this.tail + text).slice(-TAIL_CHARS);
			const lines = (this.partial + text).split('\n');
			this.partial = lines.pop() ?? '';
			this.outputLines.push(...lines);
			if (this.outputLines.length > MAX_LINES)
				this.outputLines.splice(0, this.outputLines.length - MAX_LINES);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		this.exited = new Promise((resolve) => {
			child.on('exit', (code) => {
				this.exitCode = code;
				resolve();
			});
			child.on('error', (error) => {
				this.tail += `\n[${label}] could not start: ${error.message}`;
				this.exitCode = null;
				resolve();
			});
		});
	}

	static spawn(options: ManagedProcessOptions): ManagedProcess {
		const child = spawn(options.command, [...options.args], {
			cwd: options.cwd,
			env: options.env,
			uid: options.uid,
			gid: options.gid,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		if (child.pid !== undefined) trackProcessGroup(child.pid);
		options.tracker?.trackGroup(child.pid);
		return new ManagedProcess(options.label, child, createWriteStream(options.logFile));
	}

	get isRunning(): boolean {
		return this.exitCode === undefined;
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	/** Complete output lines so far (the newest MAX_LINES). */
	get lines(): readonly string[] {
		return this.outputLines;
	}

	/** The last characters of the output, for error messages. */
	outputTail(chars = 3000): string {
		return this.tail.slice(-chars);
	}

	/** Fails with the process's output when it has already exited. */
	assertRunning(): void {
		if (!this.isRunning)
			throw new Error(`${this.label} exited (${String(this.exitCode)}):\n${this.outputTail()}`);
	}

	/**
	 * `signal` to the whole group, SIGKILL after `graceMs`; whatever the
	 * process started (n8n's task runner) goes with it.
	 */
	async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
		const pid = this.child.pid;
		if (this.isRunning) {
			killProcessGroup(pid, signal);
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([
				this.exited,
				new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
			]);
			clearTimeout(timer);
		}
		killProcessGroup(pid, 'SIGKILL');
		if (pid !== undefined) untrackProcessGroup(pid);
		await new Promise<void>((resolve) => this.logStream.end(resolve));
	}
}
