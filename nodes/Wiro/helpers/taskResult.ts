import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { WiroTaskError } from '../transport';
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
	const downloaded = await downloadOutputs(context, outputs, download.binaryPropertyName, ref.taskId).then(
		(binary) => ({ binary }),
		(error: unknown) => ({ error }),
	);
	if ('error' in downloaded) {
		throw new WiroTaskError(context.getNode(), `The task succeeded but its output could not be downloaded: ${messageOf(downloaded.error)}`, {
			description: `Download it from ${outputs[0].url}, or run Task > Get with this task's ID or token`,
			task: ref,
		});
	}
	return { json, binary: downloaded.binary };
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
