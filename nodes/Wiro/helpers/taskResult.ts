import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { WiroTaskError } from '../transport';
import { downloadOutputs } from './downloadOutputs';
import { outputsOf, refOf, toTaskJson } from './task';

export interface DownloadChoice {
	enabled: boolean;
	binaryPropertyName: string;
	/**
	 * Which output URLs may be fetched (default: all). The others are passed on as URLs and listed
	 * in `notDownloaded` with the reason; redirects are then not followed either, since they could
	 * lead anywhere.
	 */
	allow?: { url: (url: string) => boolean; reason: string };
}

/** The output item for a finished task, with its output files as binary data when asked. */
export async function taskResult(
	context: IExecuteFunctions | IWebhookFunctions,
	task: IDataObject,
	download: DownloadChoice,
): Promise<INodeExecutionData> {
	const json = toTaskJson(task);
	const outputs = outputsOf(task);
	if (!download.enabled || outputs.length === 0) return { json };
	const { allow } = download;
	const fetchable = allow ? outputs.filter((output) => allow.url(output.url)) : outputs;
	if (allow && fetchable.length < outputs.length) {
		json.notDownloaded = outputs
			.filter((output) => !fetchable.includes(output))
			.map((output) => ({ name: output.name, url: output.url, reason: allow.reason }));
	}
	if (fetchable.length === 0) return { json };
	const ref = refOf(task);
	const downloaded = await downloadOutputs(
		context,
		fetchable,
		download.binaryPropertyName,
		ref.taskId,
		{ followRedirects: !allow },
	).then(
		(binary) => ({ binary }),
		(error: unknown) => ({ error }),
	);
	if ('error' in downloaded) {
		throw new WiroTaskError(
			context.getNode(),
			`The task succeeded but its output could not be downloaded: ${messageOf(downloaded.error)}`,
			{
				description: `Download it from ${fetchable[0].url}, or run Task > Get with this task's ID or token`,
				task: ref,
			},
		);
	}
	return { json, binary: downloaded.binary };
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
