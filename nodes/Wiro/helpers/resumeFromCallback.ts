import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { eventOf, MAX_CALLBACK_BYTES, respondWithoutRun, taskRefFromCallback, verifyCallbackTask } from './callback';
import { toTaskJson } from './task';
import { taskResult } from './taskResult';
import { describeEnd } from './waitForTask';

function refuse(context: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	return respondWithoutRun(context, status, { error });
}

/**
 * Runs when Wiro calls this execution's resume URL (waitMode "callback"). The body is only a hint:
 * the task is confirmed with Task/Detail, must be finished, and must have been started with this
 * execution's resume URL. Its result becomes the node's output; a body that fails these checks
 * gets a 4xx and the execution keeps waiting.
 */
export async function resumeFromCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const rawBody = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(rawBody) && rawBody.length > MAX_CALLBACK_BYTES) return refuse(this, 413, 'The callback body is too large');
	const ref = taskRefFromCallback(this.getBodyData());
	if (!ref) return refuse(this, 400, 'The callback names no task');

	const verification = await verifyCallbackTask(this, ref);
	if (!verification.ok) return refuse(this, verification.status, verification.message);
	const { task } = verification;
	const callbackUrl = String(task.callbackurl ?? '');
	if (callbackUrl !== '' && !callbackUrl.includes(`/${this.getExecutionId()}`)) {
		return refuse(this, 403, 'This task was not started by this execution');
	}

	const event = eventOf(task);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const item: INodeExecutionData =
		event === 'succeeded'
			? await taskResult(this, task, { enabled: options.download !== false, binaryPropertyName: String(options.binaryPropertyName || 'data') })
			: { json: { ...toTaskJson(task), error: describeEnd(task).message } };
	item.json.waitedBy = 'callback';
	return { workflowData: [[{ ...item, pairedItem: { item: 0 } }]] };
}
