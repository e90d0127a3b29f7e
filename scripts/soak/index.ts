/**
 * Soak: one 200-item Generate batch through faulty Task/Detail answers (issue 6's mix), with
 * Continue On Fail and every fifth prompt scripted to fail. Reports items in and out, tasks
 * created, peak memory and wall time. Run: npm run build:tools && node .tools/scripts/soak/index.js
 */
import { disposeWorkflowRunner } from '../../dev/workflow-runner';
import { countFaults, describeFaults } from '../bench/faultCount';
import { DETAIL_FAULTS, mixedPrompts } from '../bench/faultScenario';
import { machineLines } from '../bench/machine';
import { megabytes, seconds } from '../bench/numbers';
import { checkOutcomes } from '../bench/outcomes';
import { collectGarbage, sampleRss } from '../bench/rssSampler';
import { runGenerate } from '../bench/runWiroNode';
import { collectWarnings } from '../bench/warnings';
import { withServer } from '../bench/withServer';

const ITEMS = 200;
const OUTPUT_BYTES = 2 ** 20;
const DURATIONS_MS = [2000, 3000, 4000, 5000, 6000];

async function soak(): Promise<boolean> {
	return await withServer({ faults: DETAIL_FAULTS, outputSize: OUTPUT_BYTES }, async (server) => {
		const prompts = mixedPrompts(ITEMS, DURATIONS_MS, 'soak');
		collectGarbage();
		const baseline = process.memoryUsage.rss();
		const sampler = sampleRss(20);
		const result = await runGenerate(server, { prompts, continueOnFail: true, timeoutMs: 600_000 });
		const peak = sampler.stop();
		const outcomes = await checkOutcomes(server, prompts, result.items);
		const faults = countFaults(DETAIL_FAULTS, server.stats.detail);
		const passed =
			outcomes.itemsOut === ITEMS &&
			outcomes.trueOutcomes === ITEMS &&
			server.stats.tasksCreated === ITEMS &&
			outcomes.problems.length === 0;
		const lines = [
			`Soak: ${ITEMS} items (2-6 s tasks, every fifth scripted to fail, 1 MiB videos), default concurrency, Continue On Fail, faults on Task/Detail: 20 % 5xx, 10 % resets, 10 % slow (2.5 s)`,
			`  items in ${outcomes.itemsIn}, items out ${outcomes.itemsOut}; true outcomes ${outcomes.trueOutcomes} (${outcomes.videos} byte-exact videos, ${outcomes.failuresReported} failures reported)`,
			`  tasks created ${server.stats.tasksCreated} (Run calls ${server.stats.run}); Detail calls ${server.stats.detail} with ${server.stats.faultsInjected} faults (${describeFaults(faults)})`,
			`  peak RSS ${megabytes(peak)} (growth ${megabytes(peak - baseline)} over ${megabytes(baseline)} before the run)`,
			`  wall time ${seconds(result.wallMs, 1)}`,
			...outcomes.problems.map((problem) => `  problem: ${problem}`),
			`Soak ${passed ? 'PASS' : 'FAIL'}: ${passed ? 'nothing lost' : 'items or tasks do not add up'}`,
		];
		process.stdout.write(`${lines.join('\n')}\n`);
		return passed;
	});
}

async function main(): Promise<void> {
	const warnings = collectWarnings();
	process.stdout.write(`${machineLines().join('\n')}\n`);
	const passed = await soak();
	const warned = warnings();
	if (warned.length > 0)
		process.stdout.write(
			`Process warnings during the run:\n${warned.map((line) => `  ${line}`).join('\n')}\n`,
		);
	if (!passed) process.exitCode = 1;
}

main()
	.catch((error: unknown) => {
		process.stderr.write(
			`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exitCode = 2;
	})
	.finally(() => disposeWorkflowRunner());
