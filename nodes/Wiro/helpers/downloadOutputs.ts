import type { IBinaryKeyData, IExecuteFunctions, IN8nHttpFullResponse, IWebhookFunctions } from 'n8n-workflow';

import type { WiroOutput } from './task';

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
		const response = (await context.helpers.httpRequest({
			method: 'GET',
			url: output.url,
			encoding: 'stream',
			returnFullResponse: true,
			disableFollowRedirect: options.followRedirects === false,
		})) as IN8nHttpFullResponse;
		const fileName = taskId ? `wiro-${taskId}-${output.name}` : output.name;
		const key = index === 0 ? propertyName : `${propertyName}_${index}`;
		binary[key] = await context.helpers.prepareBinaryData(response.body as Buffer, fileName, output.contentType);
	}
	return binary;
}
