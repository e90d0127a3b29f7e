import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
	isJsonObject,
	type ExecutionResult,
	type JsonObject,
	type NodeOutputItem,
} from '../../dev/n8n';
import { outputDigest } from '../../dev/wiro-server';

/** The items a node output; fails with the execution's error when the node did not run. */
export function itemsOf(
	result: ExecutionResult | undefined,
	nodeName: string,
	runIndex = 0,
): NodeOutputItem[] {
	const runs = result?.runData[nodeName];
	if (!result || !runs) {
		const ran = Object.keys(result?.runData ?? {}).join(', ');
		throw new Error(
			`Node ${nodeName} did not run (ran: ${ran}; error: ${JSON.stringify(result?.error?.['message'])})`,
		);
	}
	return runs[runIndex]?.data?.main?.[0] ?? [];
}

function taskOf(item: NodeOutputItem): JsonObject {
	const task = item.json['task'];
	if (!isJsonObject(task))
		throw new Error(`Item has no task: ${JSON.stringify(item.json).slice(0, 500)}`);
	return task;
}

/** The prompt the item's task was started with. */
export function promptOf(item: NodeOutputItem): unknown {
	const parameters = taskOf(item)['parameters'];
	return isJsonObject(parameters) ? parameters['prompt'] : undefined;
}

/**
 * Reads a filesystem-mode binary (`filesystem-v2:<relative path>`) from the
 * shared N8N_STORAGE_PATH: whichever process wrote it, every
 * process must be able to read it there.
 */
async function readSharedBinary(storageDir: string, binary: JsonObject): Promise<Buffer> {
	const id = typeof binary['id'] === 'string' ? binary['id'] : '';
	const separator = id.indexOf(':');
	const path = id.slice(separator + 1);
	if (!id.slice(0, separator).startsWith('filesystem') || path.split('/').includes('..')) {
		throw new Error(
			`Binary data ${JSON.stringify(binary).slice(0, 300)} is not in filesystem mode`,
		);
	}
	return readFile(join(storageDir, path));
}

/** The item holds its task's video as binary `data`, byte for byte the file the local Wiro made. */
export async function expectVideoItem(storageDir: string, item: NodeOutputItem): Promise<string> {
	expect(item.json).toMatchObject({ finished: true, succeeded: true });
	const task = taskOf(item);
	const binary = item.binary?.['data'];
	if (!binary) throw new Error(`Item has no binary data: ${JSON.stringify(item).slice(0, 500)}`);
	expect(binary).toMatchObject({ mimeType: 'video/mp4', fileExtension: 'mp4' });
	const bytes = await readSharedBinary(storageDir, binary);
	const outputs = task['outputs'];
	const size =
		Array.isArray(outputs) && isJsonObject(outputs[0]) ? Number(outputs[0]['size']) : NaN;
	expect(bytes.length).toBe(size);
	expect(createHash('sha256').update(bytes).digest('hex')).toBe(
		outputDigest(String(task['uuid']), size),
	);
	return String(item.json['taskId']);
}
