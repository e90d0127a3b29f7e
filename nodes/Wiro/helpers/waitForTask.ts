import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeFailure, toNodeError, wiroRequest, type WiroFailure } from '../transport';
import type { Batch } from './batch';
import { pollTask } from './pollTask';
import { succeeded, taskSelector, type TaskRef } from './task';
import { maxPollIntervalMs, type WaitOptions } from './waitOptions';

/**
 * Polls a started task until it ends and returns it when it succeeded. Every other outcome
 * (failure, cancellation, timeout, stopped execution) throws an error that names the task's id and
 * token; an unfinished task is killed first when the user chose so, so no one pays for a video
 * nobody will receive.
 */
export async function waitForTask(
	context: IExecuteFunctions,
	ref: TaskRef,
	options: WaitOptions,
	batch: Batch,
	startedAt: number,
): Promise<IDataObject> {
	let outcome;
	try {
		outcome = await pollTask(context, ref, {
			minIntervalMs: options.pollIntervalMs,
			maxIntervalMs: maxPollIntervalMs(options),
			timeoutMs: options.timeoutMs,
			startedAt,
			signal: batch.signal,
		});
	} catch (error) {
		// A started task is never lost: whatever ended the wait, the error names the task.
		const failure = describeFailure(error) ?? { message: (error as Error).message, description: '', retryable: false };
		throw toNodeError(context.getNode(), {
			...failure,
			description: `${failure.description ? `${failure.description}. ` : ''}The task may still be running: pick it up with Task > Wait`,
		}, { task: ref });
	}
	if (outcome.kind === 'finished') {
		if (succeeded(outcome.task)) return outcome.task;
		throw toNodeError(context.getNode(), describeEnd(outcome.task), { task: ref });
	}
	const lastStatus = outcome.task ? String(outcome.task.status) : 'unknown';
	const kill = options.killOnAbandon ? await abandonTask(context, ref, lastStatus) : undefined;
	const why =
		outcome.kind === 'timeout'
			? `The Wiro task did not finish within ${Math.round(options.timeoutMs / 1000)} s (last status ${lastStatus})`
			: `The execution was stopped while the Wiro task was running (last status ${lastStatus})`;
	throw toNodeError(context.getNode(), {
		message: why,
		description: kill
			? `${kill}. Raise 'Timeout (Seconds)' in the options to wait longer`
			: "The task goes on at Wiro: pick it up later with Task > Wait and this task's ID or token",
		retryable: false,
	}, { task: ref });
}

/** Tells why a task that ended did not succeed. */
export function describeEnd(task: IDataObject): WiroFailure {
	if (task.status === 'task_cancel') {
		return { message: 'The Wiro task was cancelled', description: 'It was cancelled or killed on Wiro before it finished; run it again if the video is still wanted', retryable: false };
	}
	const detail = String(task.debugerror ?? '').trim().split('\n').pop() ?? '';
	return {
		message: `The Wiro task failed (exit code ${String(task.pexit)})${detail ? `: ${detail}` : ''}`,
		description: 'Wiro does not bill failed tasks. Check the prompt and parameters; the task\'s debug output has the details',
		retryable: false,
	};
}

/** Stops an unfinished task: Cancel while it is queued, Kill once it runs. Returns what happened, in words. */
async function abandonTask(context: IExecuteFunctions, ref: TaskRef, lastStatus: string): Promise<string> {
	const endpoint = lastStatus === 'task_queue' ? 'Task/Cancel' : 'Task/Kill';
	try {
		await wiroRequest(context, endpoint, taskSelector(ref), { ignoreCancel: true });
		return 'The task was stopped on Wiro so it is not billed';
	} catch (error) {
		return `Stopping the task on Wiro failed (${(error as Error).message}); check the Wiro dashboard`;
	}
}
