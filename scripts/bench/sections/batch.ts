import { runGenerate } from '../runWiroNode';
import { ratio, seconds } from '../numbers';
import { verdictOf, type Row } from '../table';
import { scriptedPrompt, withServer } from '../withServer';

const TASK_MS = 6000;
const BATCH_SIZE = 20;
const TARGET_RATIO = 1.3;

const batchPrompts = (tag: string): string[] =>
	Array.from({ length: BATCH_SIZE }, (_, i) => scriptedPrompt(`${tag} ${i}`, TASK_MS));

async function batchWallMs(
	prompts: string[],
	maxConcurrency?: number,
): Promise<{ wallMs: number; succeeded: number }> {
	return await withServer({}, async (server) => {
		const options = maxConcurrency === undefined ? {} : { maxConcurrency };
		const result = await runGenerate(server, {
			prompts,
			options,
			timeoutMs: prompts.length * (TASK_MS + 5000) + 30_000,
		});
		return {
			wallMs: result.wallMs,
			succeeded: result.items.filter((item) => item.json.succeeded === true).length,
		};
	});
}

/** The same 20 items with Max Concurrent Tasks = 1 (about two minutes: run it beside other measurements). */
export async function sequentialBatchMs(): Promise<number> {
	return (await batchWallMs(batchPrompts('sequential'), 1)).wallMs;
}

export interface BatchFigures {
	singleMs: number;
	batchMs: number;
	batchSucceeded: number;
}

/** One 6 s task alone, then 20 at the node's default concurrency, one after the other. */
export async function measureBatch(): Promise<BatchFigures> {
	const single = await batchWallMs([scriptedPrompt('single', TASK_MS)]);
	const batch = await batchWallMs(batchPrompts('batch'));
	return { singleMs: single.wallMs, batchMs: batch.wallMs, batchSucceeded: batch.succeeded };
}

export function batchRows(figures: BatchFigures, sequentialMs: number): Row[] {
	const toSingle = figures.batchMs / figures.singleMs;
	return [
		{
			section: '1',
			measure: `Batch: ${BATCH_SIZE} items × 6 s tasks, node wall time`,
			measured: `${seconds(figures.batchMs)} = ${ratio(toSingle)} one task (${figures.batchSucceeded}/${BATCH_SIZE} videos)`,
			comparedWith: `one 6 s task alone: ${seconds(figures.singleMs)}`,
			target: `≤ ${TARGET_RATIO}× one task, all items succeed`,
			verdict: verdictOf(toSingle <= TARGET_RATIO && figures.batchSucceeded === BATCH_SIZE),
		},
		{
			section: '1',
			measure: 'Batch: same 20 items, speed-up over concurrency 1',
			measured: `${seconds(figures.batchMs)}: ${ratio(sequentialMs / figures.batchMs)} faster`,
			comparedWith: `Max Concurrent Tasks = 1: ${seconds(sequentialMs, 1)}`,
			target: '— (for scale)',
			verdict: 'info',
		},
	];
}
