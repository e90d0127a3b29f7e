import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Batch } from '../../helpers/batch';
import { canPauseForCallback, pauseForCallback } from '../../helpers/pauseForCallback';
import { isTerminal, refOf, succeeded, taskFromAnswer, taskSelector } from '../../helpers/task';
import { taskResult } from '../../helpers/taskResult';
import { taskEndError, waitForTask } from '../../helpers/waitForTask';
import { readWaitOptions } from '../../helpers/waitOptions';
import { readTaskRef, taskField } from '../common/taskField';
import { withTaskToken } from '../common/taskToken';
import { forOperation } from '../common/operationFields';
import { wiroRequest } from '../../transport';
import { taskWaitModeField, taskWaitOptionsField } from '../common/waitFields';

export const description: INodeProperties[] = forOperation('task', 'wait', [
	taskField,
	taskWaitModeField,
	taskWaitOptionsField,
]);

/**
 * Waits for a task started elsewhere (e.g. Generate with Don't Wait), exactly as Generate waits.
 * Pausing for the callback needs a task started with this execution's resume URL as its callback
 * URL (Generate's Callback URL option set to {{ $execution.resumeUrl }}).
 */
export async function execute(
	this: IExecuteFunctions,
	i: number,
	batch: Batch,
): Promise<INodeExecutionData[]> {
	const given = readTaskRef(this, i);
	const options = readWaitOptions(this, i);
	const download = { enabled: options.download, binaryPropertyName: options.binaryPropertyName };
	if (this.getNodeParameter('waitMode', i, 'poll') === 'callback' && canPauseForCallback(this)) {
		// A task that has already ended will not call back again: answer now instead of pausing.
		const current = taskFromAnswer(await wiroRequest(this, 'Task/Detail', taskSelector(given)));
		const found = current ? refOf(current) : {};
		const ref = {
			taskId: found.taskId ?? given.taskId,
			taskToken: found.taskToken ?? given.taskToken,
		};
		if (!current || !isTerminal(current)) {
			return await pauseForCallback(this, i, ref, {
				timeoutMs: options.timeoutMs,
				startedAt: Date.now(),
			});
		}
		if (!succeeded(current)) throw taskEndError(this.getNode(), current, ref);
		return [await taskResult(this, current, download)];
	}
	// Errors name the task by ID and token, and a wait that ends by stopping the task needs the token (Cancel, Kill).
	const ref = await withTaskToken(this, given, i);
	const task = await waitForTask(this, ref, options, batch, Date.now());
	return [await taskResult(this, task, download)];
}
