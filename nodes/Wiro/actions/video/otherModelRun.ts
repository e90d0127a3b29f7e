import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { loadModelDefinition } from '../../models/dynamic/catalog';
import { toDynamicRunBody } from '../../models/dynamic/runBody';
import { isModelSlug, SLUG_EXAMPLE } from '../../models/dynamic/slug';
import { bufferPart, type FilePart, type WiroRequestBody } from '../../transport';

/** The Run request for an Other Model: its slug, and the body built from Wiro's description of it. */
export async function otherModelRun(context: IExecuteFunctions, i: number): Promise<{ slug: string; body: WiroRequestBody }> {
	const slug = String(context.getNodeParameter('otherModel', i, '', { extractValue: true }) ?? '').trim();
	if (!isModelSlug(slug)) {
		throw new NodeOperationError(context.getNode(), slug === '' ? "'Wiro Model' is empty" : `'${slug}' is not a Wiro model slug`, {
			description: `Pick a model from the list, or enter its slug as owner/project, e.g. ${SLUG_EXAMPLE}`,
			itemIndex: i,
		});
	}
	const model = await loadModelDefinition(context, slug);
	const values = (context.getNodeParameter('modelParameters.value', i, {}) ?? {}) as IDataObject;
	const built = await toDynamicRunBody(model, values, async (name) => await readBinary(context, i, name));
	if ('problem' in built) {
		throw new NodeOperationError(context.getNode(), built.problem.message, { description: built.problem.description, itemIndex: i });
	}
	return { slug, body: built.body };
}

/**
 * A binary field of the input item as a file to upload. One in n8n's binary store (filesystem,
 * database or S3 mode) is streamed from there when the request is sent; one held in the item
 * itself (n8n's default in-memory mode) is in memory already.
 */
async function readBinary(context: IExecuteFunctions, i: number, name: string): Promise<FilePart | undefined> {
	const binary = context.getInputData()[i]?.binary?.[name];
	if (!binary) return undefined;
	const fileName = binary.fileName ?? name;
	const mimeType = binary.mimeType || 'application/octet-stream';
	const id = binary.id;
	if (!id) return bufferPart(await context.helpers.getBinaryDataBuffer(i, name), fileName, mimeType);
	const { fileSize } = await context.helpers.getBinaryMetadata(id);
	return { fileName, mimeType, size: fileSize, read: async () => await context.helpers.getBinaryStream(id) };
}
