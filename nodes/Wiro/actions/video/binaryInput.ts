import type { IExecuteFunctions } from 'n8n-workflow';

import { bufferPart, type FilePart } from '../../transport';

/**
 * A binary field of the input item as a file to upload. One in n8n's binary store (filesystem,
 * database or S3 mode) is streamed from there when the request is sent; one held in the item
 * itself (n8n's default in-memory mode) is in memory already.
 */
export async function readBinary(
	context: IExecuteFunctions,
	i: number,
	name: string,
): Promise<FilePart | undefined> {
	const binary = context.getInputData()[i]?.binary?.[name];
	if (!binary) return undefined;
	const fileName = binary.fileName ?? name;
	const mimeType = binary.mimeType || 'application/octet-stream';
	const id = binary.id;
	if (!id)
		return bufferPart(await context.helpers.getBinaryDataBuffer(i, name), fileName, mimeType);
	const { fileSize } = await context.helpers.getBinaryMetadata(id);
	return {
		fileName,
		mimeType,
		size: fileSize,
		read: async () => await context.helpers.getBinaryStream(id),
	};
}
