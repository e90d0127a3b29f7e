import type { WiroServer } from '../../../dev/wiro-server';
import { maximum, median, megabytes, ratio, seconds } from '../numbers';
import { collectGarbage, sampleRss } from '../rssSampler';
import { runGenerate } from '../runWiroNode';
import { detailCallsPerTask } from '../serverLog';
import { measureNoticedTask, type NoticeSample } from '../noticedTask';
import { verdictOf, type Row } from '../table';
import { scriptedPrompt, withServer } from '../withServer';

/** Task lengths and how many tasks of each (±5 % so nothing is in step with a poll by chance). */
const SPREADS: Record<number, number[]> = {
	6: [0.95, 1, 1.05],
	30: [0.95, 1, 1.05],
	120: [0.95, 1, 1.05],
	300: [1],
};
const LENGTHS_S = [6, 30, 120, 300];
/** Lengths measured again with the socket dropping mid-task. */
const DROP_LENGTHS_S = [30, 120];
const BATCH_ITEMS = 200;
const BATCH_TASK_MS = 30_000;
const TARGET = { delayMedianMs: 300, delayMaxMs: 600, batchRatio: 1.15, batchCallsPerTask: 3 };
/** The bound, for the task's own length (the ±5 % spread included). */
const callTarget = (durationMs: number): number => 2 + Math.ceil(durationMs / 60_000);

type Mode = 'socket' | 'polling' | 'drop';

interface BatchRun {
	wallMs: number;
	videos: number;
	callsPerTask: number[];
	rssGrowth: number;
}

export interface RealtimeFigures {
	samples: Record<Mode, Array<NoticeSample | undefined>>;
	socketBatch: BatchRun;
	pollingBatch: BatchRun;
}

async function sampleOne(
	server: WiroServer,
	mode: Mode,
	lengthS: number,
	durationMs: number,
): Promise<NoticeSample | undefined> {
	return await measureNoticedTask(
		server,
		{ label: `realtime ${lengthS}s ${mode}`, lengthS, durationMs, timeoutMs: durationMs + 180_000 },
		{ socket: mode !== 'polling' },
	);
}

async function sampleLengths(
	server: WiroServer,
	mode: Mode,
	lengths: number[],
): Promise<Array<NoticeSample | undefined>> {
	const runs = lengths.flatMap((lengthS) =>
		SPREADS[lengthS].map(
			async (factor) => await sampleOne(server, mode, lengthS, lengthS * 1000 * factor),
		),
	);
	return await Promise.all(runs);
}

/** Each dropping length on a server of its own: every connection is cut halfway through the task. */
async function sampleDrops(): Promise<Array<NoticeSample | undefined>> {
	const perLength = await Promise.all(
		DROP_LENGTHS_S.map(
			async (lengthS) =>
				await withServer(
					{ socketFaults: { dropAfterMs: (lengthS * 1000) / 2 } },
					async (server) => await sampleLengths(server, 'drop', [lengthS]),
				),
		),
	);
	return perLength.flat();
}

/** 200 items × 30 s in one execution, no concurrency limit, with peak RSS growth. */
async function batch(socket: boolean): Promise<BatchRun> {
	return await withServer({}, async (server) => {
		const prompts = Array.from({ length: BATCH_ITEMS }, (_, i) =>
			scriptedPrompt(`batch ${i}`, BATCH_TASK_MS),
		);
		collectGarbage();
		const before = process.memoryUsage.rss();
		const sampler = sampleRss();
		const result = await runGenerate(server, {
			prompts,
			socket,
			options: { maxConcurrency: BATCH_ITEMS },
			timeoutMs: 10 * BATCH_TASK_MS,
		});
		const peak = sampler.stop();
		return {
			wallMs: result.wallMs,
			videos: result.items.filter(
				(item) => item.json.succeeded === true && item.binary?.data !== undefined,
			).length,
			callsPerTask: detailCallsPerTask(server),
			rssGrowth: peak - before,
		};
	});
}

/**
 * Real-time (socket) against back-off polling, side by side on one server; the dropping socket
 * beside them; then the 200-item batch, alone so its memory is its own, with the socket and without.
 * About 7 minutes (the 300 s task sets the pace).
 */
export async function measureRealtime(): Promise<RealtimeFigures> {
	const [socket, polling, drop] = await withServer(
		{},
		async (server) =>
			await Promise.all([
				sampleLengths(server, 'socket', LENGTHS_S),
				sampleLengths(server, 'polling', LENGTHS_S),
				sampleDrops(),
			]),
	);
	const socketBatch = await batch(true);
	const pollingBatch = await batch(false);
	return { samples: { socket, polling, drop }, socketBatch, pollingBatch };
}

const found = (
	samples: Array<NoticeSample | undefined>,
	lengthS: number,
): { all: number; ok: NoticeSample[] } => {
	const ofLength = samples.filter((sample) => sample === undefined || sample.lengthS === lengthS);
	return {
		all: ofLength.length,
		ok: ofLength.filter((sample): sample is NoticeSample => sample !== undefined),
	};
};

const summary = (samples: NoticeSample[]): string =>
	`delay median ${seconds(median(samples.map((s) => s.delayMs)))}, max ${seconds(maximum(samples.map((s) => s.delayMs)))}; ` +
	`Detail calls median ${median(samples.map((s) => s.detailCalls))}, max ${maximum(samples.map((s) => s.detailCalls))}`;

const batchSummary = (run: BatchRun): string =>
	`${seconds(run.wallMs)} = ${ratio(run.wallMs / BATCH_TASK_MS)} one task (${run.videos}/${BATCH_ITEMS} videos); ` +
	`Detail calls per task median ${median(run.callsPerTask)}, max ${maximum(run.callsPerTask)}; peak RSS growth ${megabytes(run.rssGrowth)}`;

export function realtimeRows(figures: RealtimeFigures): Row[] {
	const rows: Row[] = LENGTHS_S.map((lengthS) => {
		const socket = found(figures.samples.socket, lengthS);
		const polling = found(figures.samples.polling, lengthS);
		const delays = socket.ok.map((s) => s.delayMs);
		const met =
			socket.ok.length === socket.all &&
			median(delays) <= TARGET.delayMedianMs &&
			maximum(delays) <= TARGET.delayMaxMs &&
			socket.ok.every((s) => s.detailCalls <= callTarget(s.durationMs));
		return {
			section: '7',
			measure: `Real-time (task socket): ${lengthS} s tasks (${socket.ok.length}/${socket.all} returned)`,
			measured: summary(socket.ok),
			comparedWith: `back-off polling, socket off (${polling.ok.length}/${polling.all}): ${summary(polling.ok)}`,
			target: `delay median ≤ ${seconds(TARGET.delayMedianMs, 1)}, max ≤ ${seconds(TARGET.delayMaxMs, 1)}; Detail calls ≤ 2 + ⌈length / 60 s⌉ (${callTarget(lengthS * 1000)} at ${lengthS} s)`,
			verdict: verdictOf(met),
		};
	});
	for (const lengthS of DROP_LENGTHS_S) {
		const drop = found(figures.samples.drop, lengthS);
		const polling = found(figures.samples.polling, lengthS);
		const worse = (pick: (s: NoticeSample) => number, all: NoticeSample[]): number =>
			median(all.map(pick));
		const met =
			drop.ok.length === drop.all &&
			worse((s) => s.delayMs, drop.ok) <= worse((s) => s.delayMs, polling.ok) &&
			worse((s) => s.detailCalls, drop.ok) <= worse((s) => s.detailCalls, polling.ok);
		rows.push({
			section: '7',
			measure: `Real-time, socket cut halfway through: ${lengthS} s tasks (${drop.ok.length}/${drop.all} returned)`,
			measured: summary(drop.ok),
			comparedWith: `back-off polling alone: ${summary(polling.ok)}`,
			target: 'delay and Detail calls (medians) no worse than polling alone',
			verdict: verdictOf(met),
		});
	}
	const { socketBatch, pollingBatch } = figures;
	rows.push({
		section: '7',
		measure: `Real-time batch: ${BATCH_ITEMS} items × 30 s tasks in one execution, no concurrency limit`,
		measured: batchSummary(socketBatch),
		comparedWith: `back-off polling: ${batchSummary(pollingBatch)}`,
		target: `≤ ${TARGET.batchRatio}× one task, every video, ≤ ${TARGET.batchCallsPerTask} Detail calls per task`,
		verdict: verdictOf(
			socketBatch.wallMs <= TARGET.batchRatio * BATCH_TASK_MS &&
				socketBatch.videos === BATCH_ITEMS &&
				maximum(socketBatch.callsPerTask) <= TARGET.batchCallsPerTask,
		),
	});
	return rows;
}
