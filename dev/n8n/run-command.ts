import { spawn } from 'node:child_process';
import { trackProcessGroup, untrackProcessGroup } from './process-cleanup';

export type LogLine = (line: string) => void;

export interface RunCommandOptions {
	command: string;
	args: readonly string[];
	cwd?: string | undefined;
	env?: NodeJS.ProcessEnv | undefined;
	/** Kill the whole process group after this long. */
	timeoutMs: number;
	/** Short name used in heartbeat and error messages. */
	label: string;
	log?: LogLine | undefined;
	/** Print "<label>: still running (Ns)" this often; 0 disables it. */
	heartbeatMs?: number;
	/** Keep at most this many characters of stdout and of stderr. */
	maxOutputChars?: number;
}

export interface CommandResult {
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	durationMs: number;
}

const DEFAULT_MAX_OUTPUT_CHARS = 4_000_000;

/** Keeps the newest characters so a chatty process cannot exhaust memory. */
function appendBounded(current: string, chunk: string, limit: number): string {
	const joined = current + chunk;
	return joined.length > limit ? joined.slice(joined.length - limit) : joined;
}

export function killProcessGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// The group is already gone.
	}
}

/**
 * Runs a command in its own process group, bounded in time, capturing output.
 * Never rejects because of the exit code: callers decide what success means.
 */
export function runCommand(options: RunCommandOptions): Promise<CommandResult> {
	const limit = options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS;
	const startedAt = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(options.command, [...options.args], {
			cwd: options.cwd,
			env: options.env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const pid = child.pid;
		if (pid !== undefined) trackProcessGroup(pid);
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => (stdout = appendBounded(stdout, chunk, limit)));
		child.stderr.on('data', (chunk: string) => (stderr = appendBounded(stderr, chunk, limit)));

		const timeout = setTimeout(() => {
			timedOut = true;
			killProcessGroup(child.pid, 'SIGKILL');
		}, options.timeoutMs);
		const heartbeatMs = options.heartbeatMs ?? 0;
		const heartbeat =
			heartbeatMs > 0 && options.log
				? setInterval(() => {
						const seconds = Math.round((Date.now() - startedAt) / 1000);
						options.log?.(`${options.label}: still running (${seconds} s)`);
					}, heartbeatMs)
				: undefined;
		const stopTimers = (): void => {
			if (pid !== undefined) untrackProcessGroup(pid);
			clearTimeout(timeout);
			if (heartbeat) clearInterval(heartbeat);
		};

		child.on('error', (error) => {
			stopTimers();
			reject(new Error(`${options.label}: could not start ${options.command}: ${error.message}`));
		});
		child.on('close', (exitCode, signal) => {
			stopTimers();
			// Helpers such as n8n's task runner must not outlive their parent.
			killProcessGroup(pid, 'SIGKILL');
			resolve({ exitCode, signal, stdout, stderr, timedOut, durationMs: Date.now() - startedAt });
		});
	});
}

/** The last lines of a command's output, for error messages. */
export function outputTail(result: CommandResult, maxChars = 3000): string {
	const combined = `${result.stdout}\n${result.stderr}`.trim();
	return combined.length > maxChars ? `…${combined.slice(combined.length - maxChars)}` : combined;
}

export function describeFailure(label: string, result: CommandResult): string {
	const how = result.timedOut
		? `timed out after ${result.durationMs} ms`
		: `exited with ${result.exitCode ?? result.signal}`;
	return `${label} ${how}:\n${outputTail(result)}`;
}
