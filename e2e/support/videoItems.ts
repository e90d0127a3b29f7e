import { createHash } from 'node:crypto';
import {
	isJsonObject,
	readBinaryData,
	type ExecutionResult,
	type JsonObject,
	type N8nInstance,
	type NodeOutputItem,
} from '../../dev/n8n';
import { outputDigest } from '../../dev/wiro-server';

/** The items a node output in an execution; fails with the execution's error when the node did not run. */
export function itemsOf(result: ExecutionResult, nodeName: string, runIndex = 0): NodeOutputItem[] {
	const runs = result.runData[nodeName];
	if (!runs) {
		const error = result.error ? ` (error: ${JSON.stringify(result.error['message'])})` : '';
		throw new Error(
			`Node ${nodeName} did not run; nodes that ran: ${Object.keys(result.runData).join(', ')}${error}`,
		);
	}
	return runs[runIndex]?.data?.main?.[0] ?? [];
}

export function taskOf(item: NodeOutputItem): JsonObject {
	const task = item.json['task'];
	if (!isJsonObject(task))
		throw new Error(`Item has no task: ${JSON.stringify(item.json).slice(0, 500)}`);
	return task;
}

/**
 * Asserts that an item carries a finished task's video as binary `data`, and
 * that the bytes n8n stored are exactly the file the local Wiro server made
 * for that task (its uuid and size fix the content).
 */
export async function expectVideoItem(
	n8n: N8nInstance,
	item: NodeOutputItem,
): Promise<{ taskId: string; size: number }> {
	expect(item.json).toMatchObject({ finished: true, succeeded: true });
	const task = taskOf(item);
	const binary = item.binary?.['data'];
	if (!binary) throw new Error(`Item has no binary data: ${JSON.stringify(item).slice(0, 500)}`);
	expect(binary).toMatchObject({
		mimeType: 'video/mp4',
		fileExtension: 'mp4',
		fileName: `wiro-${String(item.json['taskId'])}-0.mp4`,
	});
	const bytes = await readBinaryData(n8n.userFolder, binary);
	const outputs = task['outputs'];
	const size =
		Array.isArray(outputs) && isJsonObject(outputs[0]) ? Number(outputs[0]['size']) : NaN;
	expect(bytes.length).toBe(size);
	expect(createHash('sha256').update(bytes).digest('hex')).toBe(
		outputDigest(String(task['uuid']), size),
	);
	return { taskId: String(item.json['taskId']), size };
}
