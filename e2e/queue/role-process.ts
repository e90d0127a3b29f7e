import { join } from 'node:path';
import type { N8nInstance } from '../../dev/n8n';
import type { LogLine } from '../../dev/n8n/run-command';
import { answersOk, ManagedProcess, waitUntil, type Tracker } from './services';

export type N8nRole = 'worker' | 'webhook';

/**
 * `n8n worker` or `n8n webhook` with an instance's environment and user
 * folder (so with the package linked in, as `n8n start` has it). Ready when
 * its health endpoint answers: the instance's port is the webhook server's
 * N8N_PORT, or the worker's QUEUE_HEALTH_CHECK_PORT.
 */
export async function startRole(
	instance: N8nInstance,
	role: N8nRole,
	logDir: string,
	log: LogLine,
	tracker?: Tracker,
): Promise<ManagedProcess> {
	const label = `n8n ${role}`;
	const child = ManagedProcess.spawn({
		label,
		command: instance.install.nodeBin,
		args: [instance.install.n8nBin, role],
		env: instance.env,
		cwd: instance.userFolder,
		logFile: join(logDir, `n8n-${role}.log`),
		tracker,
	});
	const packageErrors = (): string[] =>
		child.lines.filter(
			(line) => line.includes('Failed to load package') && line.includes(instance.packageName),
		);
	try {
		log(`starting ${label} on 127.0.0.1:${instance.port}`);
		const waited = await waitUntil(() => answersOk(`${instance.baseUrl}healthz/readiness`), {
			what: label,
			timeoutMs: 180_000,
			intervalMs: 500,
			check: () => child.assertRunning(),
			details: () => child.outputTail(),
		});
		if (packageErrors().length > 0)
			throw new Error(
				`${label} could not load ${instance.packageName}:\n${packageErrors().join('\n')}`,
			);
		log(`${label} ready in ${(waited / 1000).toFixed(1)} s`);
		return child;
	} catch (error) {
		await child.stop();
		throw error;
	}
}
