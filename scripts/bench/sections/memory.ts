import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

import { binaryFilePath } from '../../../dev/workflow-runner';
import { outputDigest, type WiroServer } from '../../../dev/wiro-server';
import { megabytes, ratio } from '../numbers';
import { runGenerate } from '../runWiroNode';
import { collectGarbage, sampleRss } from '../rssSampler';
import { verdictOf, type Row } from '../table';
import { scriptedPrompt, withServer } from '../withServer';

const FILE_BYTES = 314_572_800;
const TARGET_GROWTH_BYTES = 100 * 2 ** 20;

export interface MemoryFigures {
	growthBytes: number;
	storedBytes: number;
	bytesExact: boolean;
}

async function fileDigest(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

async function storedFileMatches(
	server: WiroServer,
	path: string | undefined,
	token: string,
): Promise<{ size: number; exact: boolean }> {
	const task = server.getTask(token);
	if (path === undefined || task === undefined) return { size: 0, exact: false };
	const { size } = await stat(path);
	return {
		size,
		exact: size === FILE_BYTES && (await fileDigest(path)) === outputDigest(task.uuid, FILE_BYTES),
	};
}

/** One 300 MiB output downloaded into binary data (filesystem mode) while the process's RSS is sampled every 20 ms. */
export async function measureMemory(): Promise<MemoryFigures> {
	return await withServer({}, async (server) => {
		collectGarbage();
		const sampler = sampleRss(20);
		const baseline = process.memoryUsage.rss();
		const result = await runGenerate(server, {
			prompts: [scriptedPrompt('big', 500, `#size=${FILE_BYTES}`)],
			timeoutMs: 180_000,
		});
		const peak = sampler.stop();
		const [item] = result.items;
		const binary = item?.binary?.data;
		const path = binary ? await binaryFilePath(binary) : undefined;
		const stored = await storedFileMatches(server, path, String(item?.json.taskToken ?? ''));
		return { growthBytes: peak - baseline, storedBytes: stored.size, bytesExact: stored.exact };
	});
}

export function memoryRows(figures: MemoryFigures): Row[] {
	return [
		{
			section: '5',
			measure: 'Memory: one 300 MiB output into binary data (filesystem mode)',
			measured: `peak RSS growth ${megabytes(figures.growthBytes)} = ${ratio(figures.growthBytes / FILE_BYTES)} the file; stored ${figures.storedBytes} bytes, ${figures.bytesExact ? 'byte-exact' : 'NOT byte-exact'}`,
			comparedWith: `file size ${megabytes(FILE_BYTES)}`,
			target: `growth < ${megabytes(TARGET_GROWTH_BYTES)}, file intact`,
			verdict: verdictOf(figures.growthBytes < TARGET_GROWTH_BYTES && figures.bytesExact),
		},
	];
}
