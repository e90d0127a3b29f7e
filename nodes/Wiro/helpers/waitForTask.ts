import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { WiroApiError, WiroTaskError, wiroRequest } from '../transport';
import type { Batch } from './batch';
import { pollTask } from './pollTask';
import { SocketWatch, wiroSocketUrl } from './socketWatch';
import { succeeded, taskFromAnswer, taskSelector, type TaskRef } from './task';
import { maxPollIntervalMs, type WaitOptions } from './waitOptions';

/**
 * Waits for a started task until it ends and returns it when it succeeded: over Wiro's task socket
 * when the credential has a WebSocket URL and the runtime a WebSocket (Task/Detail confirming what
 * it hints), otherwise, or whenever the socket fails, by polling with a back-off. Every other outcome
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
	// Opened before the first Task/Detail call: events from before the registration are not replayed.
	let socket: SocketWatch | undefined;
	try {
		const socketUrl = await wiroSocketUrl(context);
		socket = socketUrl ? SocketWatch.open(socketUrl, ref) : undefined;
		outcome = await pollTask(context, ref, {
			minIntervalMs: options.pollIntervalMs,
			maxIntervalMs: maxPollIntervalMs(options),
			timeoutMs: options.timeoutMs,
			startedAt,
			signal: batch.signal,
			socket,
		});
	} catch (error) {
		throw waitBrokenError(context.getNode(), error, ref);
	} finally {
		socket?.close();
	}
	if (outcome.kind === 'finished') {
		if (succeeded(outcome.task)) return outcome.task;
		throw taskEndError(context.getNode(), outcome.task, ref);
	}
	// With a socket, Task/Detail may not have been asked since the task was queued: ask now, so the
	// error tells the real status and a running task is killed rather than "cancelled".
	const last = (socket && (await latestTask(context, ref))) || outcome.task;
	const lastStatus = last ? String(last.status) : 'unknown';
	const kill = options.killOnAbandon ? await abandonTask(context, ref, lastStatus) : undefined;
	const why =
		outcome.kind === 'timeout'
			? `The Wiro task did not finish within ${Math.round(options.timeoutMs / 1000)} s (last status ${lastStatus})`
			: `The execution was stopped while the Wiro task was running (last status ${lastStatus})`;
	throw new WiroTaskError(context.getNode(), why, {
		description: kill
			? `${kill}. Raise 'Timeout (Seconds)' in the options to wait longer`
			: "The task goes on at Wiro: pick it up later with Task > Wait and this task's ID or token",
		task: ref,
	});
}

async function latestTask(
	context: IExecuteFunctions,
	ref: TaskRef,
): Promise<IDataObject | undefined> {
	try {
		return taskFromAnswer(
			await wiroRequest(context, 'Task/Detail', taskSelector(ref), { ignoreCancel: true }),
		);
	} catch {
		return undefined;
	}
}

/** A started task is never lost: whatever broke the wait, the error names the task. */
function waitBrokenError(node: INode, error: unknown, ref: TaskRef): WiroApiError | WiroTaskError {
	const stillRunning = 'The task may still be running: pick it up with Task > Wait';
	if (error instanceof WiroApiError) {
		return error.rephrase(
			{
				description: `${error.wiro.description ? `${error.wiro.description}. ` : ''}${stillRunning}`,
			},
			{ task: ref },
		);
	}
	return new WiroTaskError(node, error instanceof Error ? error.message : String(error), {
		description: stillRunning,
		task: ref,
	});
}

/** Tells why a task that ended did not succeed. */
export function describeEnd(task: IDataObject): { message: string; description: string } {
	if (task.status === 'task_cancel') {
		return {
			message: 'The Wiro task was cancelled',
			description:
				'It was cancelled or killed on Wiro before it finished; run it again if the video is still wanted',
		};
	}
	const detail =
		String(task.debugerror ?? '')
			.trim()
			.split('\n')
			.pop() ?? '';
	return {
		message: `The Wiro task failed (exit code ${String(task.pexit)})${detail ? `: ${detail}` : ''}`,
		description:
			"Wiro does not bill failed tasks. Check the prompt and parameters; the task's debug output has the details",
	};
}

/** The error for a task that ended without succeeding (failed or cancelled on Wiro). */
export function taskEndError(node: INode, task: IDataObject, ref: TaskRef): WiroTaskError {
	const end = describeEnd(task);
	return new WiroTaskError(node, end.message, { description: end.description, task: ref });
}

/** Stops an unfinished task: Cancel while it is queued, Kill once it runs. Returns what happened, in words. */
async function abandonTask(
	context: IExecuteFunctions,
	ref: TaskRef,
	lastStatus: string,
): Promise<string> {
	const endpoint = lastStatus === 'task_queue' ? 'Task/Cancel' : 'Task/Kill';
	try {
		await wiroRequest(context, endpoint, taskSelector(ref), { ignoreCancel: true });
		return 'The task was stopped on Wiro so it is not billed';
	} catch (error) {
		const reason = error instanceof WiroApiError ? error.wiro.message : String(error);
		return `Stopping the task on Wiro failed (${reason}); check the Wiro dashboard`;
	}
}
