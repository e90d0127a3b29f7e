import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { toNodeError } from '../transport';
import { downloadOutputs } from './downloadOutputs';
import { outputsOf, refOf, toTaskJson } from './task';

/** The output item for a finished task, with its output files as binary data when asked. */
export async function taskResult(
	context: IExecuteFunctions | IWebhookFunctions,
	task: IDataObject,
	download: { enabled: boolean; binaryPropertyName: string },
): Promise<INodeExecutionData> {
	const json = toTaskJson(task);
	const outputs = outputsOf(task);
	if (!download.enabled || outputs.length === 0) return { json };
	const ref = refOf(task);
	try {
		return { json, binary: await downloadOutputs(context, outputs, download.binaryPropertyName, ref.taskId) };
	} catch (error) {
		throw toNodeError(context.getNode(), {
			message: `The task succeeded but its output could not be downloaded: ${(error as Error).message}`,
			description: `Download it from ${outputs[0].url}, or run Task > Get with this task's ID or token`,
			retryable: false,
		}, { task: ref });
	}
}
