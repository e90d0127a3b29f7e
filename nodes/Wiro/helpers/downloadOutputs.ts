import type { IBinaryKeyData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { WiroOutput } from './task';

/** What prepareBinaryData accepts (a Buffer or a stream), named without importing Node's stream module. */
type BinarySource = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

/**
 * Streams each output file into n8n binary data: the first under `propertyName`, the others under
 * `propertyName_1`, `propertyName_2`… Output URLs are public CDN links, so no credential is sent.
 */
export async function downloadOutputs(
	context: IExecuteFunctions | IWebhookFunctions,
	outputs: WiroOutput[],
	propertyName: string,
	taskId: string | undefined,
	options: { followRedirects?: boolean } = {},
): Promise<IBinaryKeyData> {
	const binary: IBinaryKeyData = {};
	for (const [index, output] of outputs.entries()) {
		// With encoding 'stream', n8n answers with the body as a readable stream.
		const response: { body: BinarySource } = await context.helpers.httpRequest({
			method: 'GET',
			url: output.url,
			encoding: 'stream',
			returnFullResponse: true,
			disableFollowRedirect: options.followRedirects === false,
		});
		const fileName = taskId ? `wiro-${taskId}-${output.name}` : output.name;
		const key = index === 0 ? propertyName : `${propertyName}_${index}`;
		binary[key] = await context.helpers.prepareBinaryData(
			response.body,
			fileName,
			output.contentType,
		);
	}
	return binary;
}
