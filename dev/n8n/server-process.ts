import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { N8nInstall } from './install';
import { trackProcessGroup, untrackProcessGroup } from './process-cleanup';
import { killProcessGroup, type LogLine } from './run-command';
import { sleep } from './wait-until';

export interface StartServerOptions {
	install: N8nInstall;
	env: Record<string, string>;
	baseUrl: string;
	/** Where n8n's stdout and stderr go in full. */
	logFile: string;
	log: LogLine;
	readyTimeoutMs: number;
}

const OUTPUT_TAIL_CHARS = 20_000;
const POLL_MS = 500;
const PROGRESS_EVERY_MS = 5_000;

async function isReady(baseUrl: string): Promise<boolean> {
	try {
		const response = await fetch(new URL('healthz/readiness', baseUrl), {
			signal: AbortSignal.timeout(2_000),
		});
		return response.status === 200;
	} catch {
		return false;
	}
}

/** `n8n start` in its own process group, with its output kept for errors. */
export class N8nServerProcess {
	private outputTail = '';
	private partialLine = '';
	/** Log lines in which n8n reports a community package it could not load. */
	readonly packageLoadErrors: string[] = [];
	private exited = false;
	private readonly exitPromise: Promise<void>;

	private constructor(
		private readonly child: ChildProcess,
		private readonly logStream: WriteStream,
	) {
		const keep = (chunk: Buffer): void => {
			logStream.write(chunk);
			const text = chunk.toString('utf8');
			this.outputTail = (this.outputTail + text).slice(-OUTPUT_TAIL_CHARS);
			this.collectPackageLoadErrors(text);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		this.exitPromise = new Promise((resolve) => {
			child.on('exit', () => {
				this.exited = true;
				resolve();
			});
		});
	}

	static async start(options: StartServerOptions): Promise<N8nServerProcess> {
		const child = spawn(options.install.nodeBin, [options.install.n8nBin, 'start'], {
			cwd: options.env['N8N_USER_FOLDER'] ?? process.cwd(),
			env: options.env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		if (child.pid !== undefined) trackProcessGroup(child.pid);
		const server = new N8nServerProcess(child, createWriteStream(options.logFile));
		try {
			await server.waitUntilReady(options);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	/** n8n logs a broken package and starts anyway; remember it so callers can fail fast. */
	private collectPackageLoadErrors(text: string): void {
		const lines = (this.partialLine + text).split('\n');
		this.partialLine = lines.pop() ?? '';
		for (const line of lines) {
			if (line.includes('Failed to load package')) this.packageLoadErrors.push(line.slice(0, 2000));
		}
	}

	get output(): string {
		return this.outputTail;
	}

	get isRunning(): boolean {
		return !this.exited;
	}

	private async waitUntilReady(options: StartServerOptions): Promise<void> {
		const startedAt = Date.now();
		let lastProgressAt = startedAt;
		options.log(`starting n8n at ${options.baseUrl} (log: ${options.logFile})`);
		while (!(await isReady(options.baseUrl))) {
			const elapsed = Date.now() - startedAt;
			if (this.exited)
				throw new Error(`n8n start exited before it was ready:\n${this.outputTail.slice(-3000)}`);
			if (elapsed > options.readyTimeoutMs) {
				throw new Error(`n8n was not ready after ${elapsed} ms:\n${this.outputTail.slice(-3000)}`);
			}
			if (Date.now() - lastProgressAt >= PROGRESS_EVERY_MS) {
				lastProgressAt = Date.now();
				options.log(`waiting for n8n to be ready (${Math.round(elapsed / 1000)} s)`);
			}
			await sleep(POLL_MS);
		}
		options.log(`n8n ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
	}

	/** SIGTERM to the whole group, SIGKILL if it lingers. */
	async stop(graceMs = 10_000): Promise<void> {
		const pid = this.child.pid;
		if (!this.exited) {
			killProcessGroup(pid, 'SIGTERM');
			let graceTimer: NodeJS.Timeout | undefined;
			await Promise.race([
				this.exitPromise,
				new Promise((resolve) => (graceTimer = setTimeout(resolve, graceMs))),
			]);
			clearTimeout(graceTimer);
		}
		// The task runner and anything else n8n started go too.
		killProcessGroup(pid, 'SIGKILL');
		if (pid !== undefined) untrackProcessGroup(pid);
		await new Promise<void>((resolve) => this.logStream.end(resolve));
	}
}
