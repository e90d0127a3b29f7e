import type { WiroServer } from '../../dev/wiro-server';
import { runGenerate, type GenerateRun } from './runWiroNode';
import { detailRequestsFor } from './serverLog';
import { scriptedPrompt } from './withServer';

/** How soon one task's end was noticed, and what it cost. */
export interface NoticeSample {
	lengthS: number;
	durationMs: number;
	/** The node returned the item − the server ended the task. */
	delayMs: number;
	detailCalls: number;
}

/**
 * Runs one task in a workflow of its own, so the item's return time is its own, and measures it
 * against the time the server ended the task. Undefined when the task did not succeed.
 */
export async function measureNoticedTask(
	server: WiroServer,
	task: { label: string; lengthS: number; durationMs: number; timeoutMs: number },
	run: Pick<GenerateRun, 'socket' | 'options'>,
): Promise<NoticeSample | undefined> {
	const { label, lengthS, durationMs, timeoutMs } = task;
	const result = await runGenerate(server, {
		...run,
		prompts: [scriptedPrompt(label, durationMs)],
		timeoutMs,
	});
	const token = String(result.items[0]?.json.taskToken ?? '');
	const endedAt = server.taskEndedAt(token);
	if (result.items[0]?.json.succeeded !== true || endedAt === undefined) return undefined;
	return {
		lengthS,
		durationMs,
		delayMs: result.returnedAt - endedAt,
		detailCalls: detailRequestsFor(server, token).length,
	};
}
