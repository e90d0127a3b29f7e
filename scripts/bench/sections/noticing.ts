import type { WiroServer } from '../../../dev/wiro-server';
import { maximum, median, seconds } from '../numbers';
import { measureNoticedTask, type NoticeSample } from '../noticedTask';
import { verdictOf, type Row } from '../table';
import { withServer } from '../withServer';

const TASK_LENGTHS_S = [2, 6, 30, 120];
/** Three tasks per length, spread ±5 % so a fixed interval is not in step with the task by chance. */
const SPREAD = [0.95, 1, 1.05];
/** With a 20 s minimum the node's back-off (14 % of the time waited) stays at 20 s for tasks under 143 s. */
const FIXED_INTERVAL_S = 20;
const DETAIL_CALL_TARGETS: Record<number, number> = { 6: 8, 120: 30 };

interface Polling {
	name: string;
	options: { pollInterval?: number };
}

const DEFAULT_POLLING: Polling = { name: 'node default', options: {} };
const FIXED_POLLING: Polling = { name: 'fixed 20 s', options: { pollInterval: FIXED_INTERVAL_S } };

/** Polling as such: section 7 measures the task socket against it. */
async function sampleOne(
	server: WiroServer,
	polling: Polling,
	lengthS: number,
	durationMs: number,
): Promise<NoticeSample | undefined> {
	return await measureNoticedTask(
		server,
		{
			label: `notice ${lengthS}s ${polling.name}`,
			lengthS,
			durationMs,
			timeoutMs: durationMs + 90_000,
		},
		{ options: polling.options, socket: false },
	);
}

export type NoticingFigures = Record<string, Array<NoticeSample | undefined>>;

/** Every task of every length, for both pollings, at the same time (about 2.5 minutes). */
export async function measureNoticing(): Promise<NoticingFigures> {
	return await withServer({}, async (server) => {
		const figures: NoticingFigures = {};
		await Promise.all(
			[DEFAULT_POLLING, FIXED_POLLING].map(async (polling) => {
				const runs = TASK_LENGTHS_S.flatMap((lengthS) =>
					SPREAD.map(
						async (factor) => await sampleOne(server, polling, lengthS, lengthS * 1000 * factor),
					),
				);
				figures[polling.name] = await Promise.all(runs);
			}),
		);
		return figures;
	});
}

const summary = (samples: NoticeSample[]): string =>
	`delay median ${seconds(median(samples.map((s) => s.delayMs)))}, max ${seconds(maximum(samples.map((s) => s.delayMs)))}; ` +
	`Detail calls median ${median(samples.map((s) => s.detailCalls))}, max ${maximum(samples.map((s) => s.detailCalls))}`;

export function noticingRows(figures: NoticingFigures): Row[] {
	return TASK_LENGTHS_S.map((lengthS) => {
		const pick = (name: string): Array<NoticeSample | undefined> =>
			figures[name].filter((s) => s === undefined || s.lengthS === lengthS);
		const mine = pick(DEFAULT_POLLING.name);
		const fixed = pick(FIXED_POLLING.name);
		const found = mine.filter((s): s is NoticeSample => s !== undefined);
		const fixedFound = fixed.filter((s): s is NoticeSample => s !== undefined);
		const callTarget = DETAIL_CALL_TARGETS[lengthS];
		const delayMet = found.every((s) => s.delayMs <= Math.max(1000, 0.15 * s.durationMs));
		const callsMet = callTarget === undefined || found.every((s) => s.detailCalls <= callTarget);
		const delayTarget = `delay ≤ ${seconds(Math.max(1000, 0.15 * lengthS * 1000), 1)}`;
		return {
			section: '2',
			measure: `Noticing completion by polling (socket off): ${lengthS} s tasks (${found.length}/${mine.length} returned)`,
			measured: summary(found),
			comparedWith: `fixed ${FIXED_INTERVAL_S} s polling (${fixedFound.length}/${fixed.length}): ${summary(fixedFound)}`,
			target:
				callTarget === undefined ? delayTarget : `${delayTarget}, ≤ ${callTarget} Detail calls`,
			verdict: verdictOf(found.length === mine.length && delayMet && callsMet),
		};
	});
}
