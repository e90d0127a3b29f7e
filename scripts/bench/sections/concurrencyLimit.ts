import { ratio, seconds } from '../numbers';
import { runGenerate } from '../runWiroNode';
import { verdictOf, type Row } from '../table';
import { scriptedPrompt, withServer } from '../withServer';

const SERVER_LIMIT = 3;
const ITEMS = 12;
const TASK_MS = 6000;
const IDEAL_MS = Math.ceil(ITEMS / SERVER_LIMIT) * TASK_MS;

export interface LimitFigures {
	succeeded: number;
	tasksCreated: number;
	peakActive: number;
	refusals: number;
	wallMs: number;
}

/** Wiro allows 3 active tasks (code 96 past that); the node starts with its default cap of 20. */
export async function measureConcurrencyLimit(): Promise<LimitFigures> {
	const project = {
		apiKey: 'test-key',
		apiSecret: 'test-secret',
		mode: 'signature' as const,
		concurrencyLimit: SERVER_LIMIT,
	};
	return await withServer({ projects: [project] }, async (server) => {
		const prompts = Array.from({ length: ITEMS }, (_, i) =>
			scriptedPrompt(`limited ${i}`, TASK_MS),
		);
		const result = await runGenerate(server, { prompts, timeoutMs: 180_000 });
		return {
			succeeded: result.items.filter((item) => item.json.succeeded === true).length,
			tasksCreated: server.stats.tasksCreated,
			peakActive: server.stats.peakActive,
			refusals: server.stats.rejected96,
			wallMs: result.wallMs,
		};
	});
}

export function concurrencyLimitRows(figures: LimitFigures): Row[] {
	const exact =
		figures.succeeded === ITEMS &&
		figures.tasksCreated === ITEMS &&
		figures.peakActive <= SERVER_LIMIT;
	return [
		{
			section: '4',
			measure: `Concurrency limit: server allows ${SERVER_LIMIT} active, ${ITEMS} items × 6 s tasks`,
			measured: `${figures.succeeded}/${ITEMS} videos, tasks created ${figures.tasksCreated}, peak active ${figures.peakActive} (${figures.refusals} code-96 refusals)`,
			comparedWith: `${ITEMS} items, ${ITEMS} tasks, limit ${SERVER_LIMIT}`,
			target: `all finish, created = ${ITEMS}, peak ≤ ${SERVER_LIMIT}`,
			verdict: verdictOf(exact),
		},
		{
			section: '4',
			measure: 'Concurrency limit: wall time',
			measured: `${seconds(figures.wallMs)} = ${ratio(figures.wallMs / IDEAL_MS)} ideal`,
			comparedWith: `ideal ${ITEMS / SERVER_LIMIT} rounds × 6 s = ${seconds(IDEAL_MS, 0)}`,
			target: '— (for scale)',
			verdict: 'info',
		},
	];
}
