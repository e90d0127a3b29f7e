import type { INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { isJsonObject } from '../transport';
import { awaitedTask, sameTask } from './awaitedTask';
import {
	eventOf,
	MAX_CALLBACK_BYTES,
	respondWithoutRun,
	taskRefFromCallback,
	verifyCallbackTask,
} from './callback';
import { refOf, toTaskJson } from './task';
import { taskResult } from './taskResult';
import { describeEnd } from './waitForTask';
import { downloadOptionsOf } from './waitOptions';

function refuse(context: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	return respondWithoutRun(context, status, { error });
}

/**
 * Runs when this execution's resume URL is called (waitMode "callback"). Only the task the
 * execution paused for can resume it: the body must name that task, and the task is confirmed with
 * Task/Detail (looked up by what the execution recorded, never by the body) and must be finished.
 * Its result becomes the node's output. Anything else gets a 4xx (or a 502 Wiro may retry),
 * starts nothing, and the execution keeps waiting for its own task.
 */
export async function resumeFromCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const rawBody = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(rawBody) && rawBody.length > MAX_CALLBACK_BYTES)
		return refuse(this, 413, 'The callback body is too large');
	const claimed = taskRefFromCallback(this.getBodyData());
	if (!claimed) return refuse(this, 400, 'The callback names no task');
	const awaited = awaitedTask(this);
	if (!awaited) return refuse(this, 403, 'This execution has no record of the task it waits for');
	if (!compatible(claimed, awaited))
		return refuse(this, 403, 'This task was not started by this execution');

	const verification = await verifyCallbackTask(this, awaited);
	if (!verification.ok) return refuse(this, verification.status, verification.message);
	const { task } = verification;
	const confirmed = refOf(task);
	if (!sameTask(confirmed, awaited) || !sameTask(confirmed, claimed)) {
		return refuse(this, 403, 'This task was not started by this execution');
	}

	const event = eventOf(task);
	const options = this.getNodeParameter('options', {});
	const download = downloadOptionsOf(isJsonObject(options) ? options : {});
	const item: INodeExecutionData =
		event === 'succeeded'
			? await taskResult(this, task, {
					enabled: download.download,
					binaryPropertyName: download.binaryPropertyName,
				})
			: { json: { ...toTaskJson(task), error: describeEnd(task).message } };
	item.json.waitedBy = 'callback';
	return { workflowData: [[{ ...item, pairedItem: { item: 0 } }]] };
}

/** Whether the body could be about the awaited task: no field both name differs (an ID alone is checked after Detail). */
function compatible(
	claimed: { taskId?: string; taskToken?: string },
	awaited: { taskId?: string; taskToken?: string },
): boolean {
	return !(['taskId', 'taskToken'] as const).some(
		(field) =>
			claimed[field] !== undefined &&
			awaited[field] !== undefined &&
			claimed[field] !== awaited[field],
	);
}
