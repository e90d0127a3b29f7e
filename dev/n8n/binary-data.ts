import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringField, type JsonObject } from './json-guards';

/**
 * The bytes of one binary property from an execution's run data. In n8n's
 * filesystem mode (the default in 2.x) the id is
 * `filesystem-v2:workflows/<workflow>/executions/<execution>/binary_data/<uuid>`,
 * a path under `<user folder>/.n8n/storage`; in the in-memory mode the bytes
 * are inline, base64.
 */
export async function readBinaryData(userFolder: string, binary: JsonObject): Promise<Buffer> {
	const id = stringField(binary, 'id');
	if (id === undefined) {
		const inline = stringField(binary, 'data');
		if (inline === undefined) throw new Error('Binary data has neither an id nor inline data');
		return Buffer.from(inline, 'base64');
	}
	const separator = id.indexOf(':');
	const mode = id.slice(0, separator);
	const path = id.slice(separator + 1);
	if (!mode.startsWith('filesystem') || path.split('/').includes('..')) {
		throw new Error(`Binary data id ${id} is not in filesystem mode`);
	}
	return readFile(join(userFolder, '.n8n', 'storage', path));
}
