import { describeFaults, countFaults, type FaultCount } from '../faultCount';
import { DETAIL_FAULTS, mixedPrompts } from '../faultScenario';
import { median, seconds } from '../numbers';
import { checkOutcomes, type OutcomeCheck } from '../outcomes';
import { runGenerate } from '../runWiroNode';
import { detailCallsPerTask } from '../serverLog';
import { verdictOf, type Row } from '../table';
import { withServer } from '../withServer';

const ITEMS = 30;

export interface FaultFigures {
	outcomes: OutcomeCheck;
	tasksCreated: number;
	detailRequests: number;
	faultsInjected: number;
	kinds: FaultCount;
	detailCallsMedian: number;
	wallMs: number;
}

/** 30 items (4-6 s tasks, every fifth scripted to fail) with Continue On Fail, through faulty Task/Detail answers. */
export async function measureFaults(): Promise<FaultFigures> {
	return await withServer({ faults: DETAIL_FAULTS }, async (server) => {
		const prompts = mixedPrompts(ITEMS, [4000, 5000, 6000], 'faulty');
		const result = await runGenerate(server, { prompts, continueOnFail: true, timeoutMs: 240_000 });
		return {
			outcomes: await checkOutcomes(server, prompts, result.items),
			tasksCreated: server.stats.tasksCreated,
			detailRequests: server.stats.detail,
			faultsInjected: server.stats.faultsInjected,
			kinds: countFaults(DETAIL_FAULTS, server.stats.detail),
			detailCallsMedian: median(detailCallsPerTask(server)),
			wallMs: result.wallMs,
		};
	});
}

export function faultRows(figures: FaultFigures): Row[] {
	const { outcomes } = figures;
	const nothingLost =
		outcomes.itemsOut === ITEMS &&
		outcomes.trueOutcomes === ITEMS &&
		figures.tasksCreated === ITEMS &&
		outcomes.problems.length === 0;
	return [
		{
			section: '6',
			measure: `Faults: ${ITEMS} items (6 scripted to fail), Continue On Fail`,
			measured:
				`${outcomes.itemsOut}/${ITEMS} items out, ${outcomes.trueOutcomes} with their true outcome (${outcomes.videos} byte-exact videos, ${outcomes.failuresReported} failures reported), ` +
				`tasks created ${figures.tasksCreated}; ${figures.faultsInjected} faults in ${figures.detailRequests} Detail calls (${describeFaults(figures.kinds)}), ` +
				`${figures.kinds.error5xx + figures.kinds.reset} retried; Detail calls per task median ${figures.detailCallsMedian}; wall ${seconds(figures.wallMs, 1)}`,
			comparedWith: `${ITEMS} prompts; faults: 20 % 5xx, 10 % resets, 10 % slow (2.5 s)`,
			target: 'nothing lost: every item out with its true outcome, one task each',
			verdict: verdictOf(nothingLost),
		},
	];
}
