import type { INodeExecutionData } from 'n8n-workflow';

import { binaryToBuffer } from '../../dev/workflow-runner';
import { expectedOutputBytes, type WiroServer } from '../../dev/wiro-server';

export interface OutcomeCheck {
	itemsIn: number;
	itemsOut: number;
	/** Items whose outcome is the one their prompt asked for (video bytes exact, or the failure reported). */
	trueOutcomes: number;
	videos: number;
	failuresReported: number;
	/** Human-readable reasons for the first few mismatches. */
	problems: string[];
}

export const FAIL_DIRECTIVE = '#fail';

function sourceIndex(item: INodeExecutionData): number | undefined {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (Array.isArray(paired)) return paired[0]?.item;
	return paired?.item;
}

async function videoIsExact(server: WiroServer, item: INodeExecutionData): Promise<boolean> {
	const token = String(item.json.taskToken ?? '');
	const task = server.getTask(token);
	const binary = item.binary?.data;
	if (!task || !binary || item.json.succeeded !== true) return false;
	const bytes = await binaryToBuffer(binary);
	return bytes.equals(expectedOutputBytes(task.uuid, Number(task.outputs[0]?.size ?? -1)));
}

function failureIsReported(server: WiroServer, item: INodeExecutionData): boolean {
	const token = String(item.json.taskToken ?? '');
	const task = server.getTask(token);
	return (
		typeof item.json.error === 'string' && /failed/.test(item.json.error) && task?.pexit === '1'
	);
}

/**
 * Checks every output item against its prompt: a `#fail` prompt must come back as an error item
 * naming its (failed) task, any other as a success whose video bytes are exactly the server's.
 */
export async function checkOutcomes(
	server: WiroServer,
	prompts: string[],
	items: INodeExecutionData[],
): Promise<OutcomeCheck> {
	const check: OutcomeCheck = {
		itemsIn: prompts.length,
		itemsOut: items.length,
		trueOutcomes: 0,
		videos: 0,
		failuresReported: 0,
		problems: [],
	};
	const seen = new Set<number>();
	for (const item of items) {
		const index = sourceIndex(item);
		if (index === undefined || seen.has(index) || index >= prompts.length) {
			check.problems.push(
				`item without a unique source (pairedItem ${JSON.stringify(item.pairedItem)})`,
			);
			continue;
		}
		seen.add(index);
		const wantsFailure = prompts[index].includes(FAIL_DIRECTIVE);
		const matches = wantsFailure
			? failureIsReported(server, item)
			: await videoIsExact(server, item);
		if (matches) {
			check.trueOutcomes++;
			if (wantsFailure) check.failuresReported++;
			else check.videos++;
		} else if (check.problems.length < 5) {
			check.problems.push(`item ${index}: ${JSON.stringify(item.json).slice(0, 200)}`);
		}
	}
	return check;
}
