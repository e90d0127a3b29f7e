import type { IRun } from 'n8n-workflow';

import { TIMED_OUT, within } from './settle';

/** The PCancelable<IRun> that WorkflowExecute.run() returns. */
export type RunningExecution = Promise<IRun> & { cancel(reason?: string): void };

export interface SupervisionOptions {
	executionId: string;
	timeoutMs: number;
	cancelAfterMs?: number;
	cancelGraceMs: number;
	/** Run data as it stands now (what n8n stores when it cancels). */
	snapshot: () => IRun;
}

/**
 * Waits for the run, cancelling it like ActiveExecutions.stopExecution
 * (`.cancel()` on the promise, which aborts the execution's AbortController)
 * after `cancelAfterMs`. n8n does not wait for the node after a cancel; here
 * the node gets `cancelGraceMs` to return its partial output, else the
 * snapshot is used. Past `timeoutMs` the run is cancelled and this rejects.
 */
export async function superviseExecution(
	running: RunningExecution,
	options: SupervisionOptions,
): Promise<{ run: IRun; canceled: boolean }> {
	let canceled = false;
	let markCanceled = () => {};
	const cancelRequested = new Promise<void>((resolve) => (markCanceled = resolve));
	const cancel = () => {
		canceled = true;
		running.cancel();
		markCanceled();
	};
	const afterCancel = cancelRequested.then(async () => {
		const late = await within(running, options.cancelGraceMs);
		return late === TIMED_OUT ? options.snapshot() : late;
	});
	const timer =
		options.cancelAfterMs === undefined ? undefined : setTimeout(cancel, options.cancelAfterMs);
	try {
		const outcome = await within(Promise.race([running, afterCancel]), options.timeoutMs);
		if (outcome !== TIMED_OUT) return { run: outcome, canceled };
		if (!canceled) cancel();
		const late = await within(running, options.cancelGraceMs);
		const state = late === TIMED_OUT ? 'still running after cancel' : 'stopped after cancel';
		throw new Error(`runWorkflow: execution ${options.executionId} timed out (${state})`);
	} finally {
		clearTimeout(timer);
	}
}
