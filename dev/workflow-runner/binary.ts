import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import { BINARY_ENCODING, type IBinaryData } from 'n8n-workflow';

import { prepareEnvironment } from './environment';

/** Reads binary data back: streamed from disk (filesystem mode) or decoded inline. */
export async function binaryToBuffer(binary: IBinaryData): Promise<Buffer> {
	await prepareEnvironment();
	if (binary.id === undefined) return Buffer.from(binary.data, BINARY_ENCODING);
	const stream = await Container.get(BinaryDataService).getAsStream(binary.id);
	const chunks: Buffer[] = [];
	for await (const chunk of stream) {
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
	}
	return Buffer.concat(chunks);
}

/** Path of the file behind stored binary data, or undefined when it is inline. */
export async function binaryFilePath(binary: IBinaryData): Promise<string | undefined> {
	await prepareEnvironment();
	if (binary.id === undefined) return undefined;
	return Container.get(BinaryDataService).getPath(binary.id);
}
