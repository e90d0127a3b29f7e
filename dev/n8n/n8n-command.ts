import type { N8nInstall } from './install';
import { describeFailure, runCommand, type CommandResult, type LogLine } from './run-command';

export interface N8nCommandOptions {
	install: N8nInstall;
	env: Record<string, string>;
	args: readonly string[];
	timeoutMs: number;
	log?: LogLine;
	/** Accept a non-zero exit (for `execute`, whose failures still print the run). */
	allowFailure?: boolean;
}

/** Runs `<node 24> <n8n bin> <args…>` and fails with n8n's output when it does. */
export async function runN8nCommand(options: N8nCommandOptions): Promise<CommandResult> {
	const label = `n8n ${options.args[0] ?? ''}`;
	const result = await runCommand({
		command: options.install.nodeBin,
		args: [options.install.n8nBin, ...options.args],
		cwd: options.env['N8N_USER_FOLDER'] ?? process.cwd(),
		env: options.env,
		timeoutMs: options.timeoutMs,
		label,
		log: options.log,
		heartbeatMs: 20_000,
	});
	if (result.timedOut || (result.exitCode !== 0 && !options.allowFailure)) {
		throw new Error(describeFailure(label, result));
	}
	return result;
}
