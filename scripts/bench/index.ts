/**
 * `npm run bench`: runs the Wiro node through n8n-core against the local Wiro-compatible server
 * and prints one Markdown table, every figure measured in this run (see issue 6 and RESULTS.md).
 * Order: a warm-up, memory and upload memory (alone, so nothing else moves the RSS); polling, callback waiting and
 * the sequential batch side by side (all mostly wait); then the rest one after the other, real-time
 * waiting over the task socket last. About 11 minutes. `npm run bench -- upload` (or `memory`, `realtime`)
 * runs only the named sections, after the warm-up; `--only=realtime` too.
 */
import { disposeWorkflowRunner } from '../../dev/workflow-runner';
import { machineLines } from './machine';
import { runGenerate } from './runWiroNode';
import { batchRows, measureBatch, sequentialBatchMs } from './sections/batch';
import { callbackRows, measureCallbackWaiting } from './sections/callback';
import { concurrencyLimitRows, measureConcurrencyLimit } from './sections/concurrencyLimit';
import { faultRows, measureFaults } from './sections/faults';
import { measureMemory, memoryRows } from './sections/memory';
import { measureNoticing, noticingRows } from './sections/noticing';
import { measureUpload, uploadRows } from './sections/upload';
import { measureRealtime, realtimeRows } from './sections/realtime';
import { renderTable, type Row } from './table';
import { collectWarnings } from './warnings';
import { scriptedPrompt, withServer } from './withServer';

const NOTES = [
	"Tasks run on the local Wiro-compatible server (dev/wiro-server), the node through n8n-core's WorkflowExecute (dev/workflow-runner), binary data in filesystem mode, all in one process on loopback.",
	'Wall times are the whole workflow run (Manual Trigger -> items -> Wiro). Section 2 runs one workflow per task (3 per length, at 0.95×, 1× and 1.05× the length so a fixed interval is not in step with the task by chance; each task is held to 15 % of its own length);',
	'delay = time the workflow run returned the item (Detail answer seen, 64 KiB output downloaded) − the time the server ended the task. "Fixed 20 s polling" is the same node with Poll Interval = 20 s, which keeps every wait at 20 s for tasks under 143 s, as Wiro\'s own package does; it ran in the same run, side by side.',
	"Detail calls are counted in the server's request log, per task token, failed ones included.",
	"Section 7 waits over the local server's task socket (the credential's WebSocket URL) and compares with the same node polling with the socket off, in the same run; the dropping socket runs on servers that cut every connection halfway through the task; the 200-item batches run alone, one after the other, RSS growth = peak − before.",
	"Section 3 does what n8n does on the resume URL: the node's webhook() runs on the callback the server sent (dev/workflow-runner runWebhook), then the paused run is resumed with its output (resumeWorkflow).",
	'Section 8 sends the Run request to scripts/bench/uploadReceiver.ts, which writes the body to disk as it arrives (the local server holds a body in memory and refuses one over 64 MiB), and compares the file part with the input afterwards.',
];

async function warmUp(): Promise<void> {
	await withServer({}, async (server) => {
		await runGenerate(server, { prompts: [scriptedPrompt('warm-up', 300)], timeoutMs: 30_000 });
	});
}

async function measureAll(): Promise<Row[]> {
	await warmUp();
	const memory = await measureMemory();
	const upload = await measureUpload();
	const [noticing, sequentialMs, callbacks] = await Promise.all([
		measureNoticing(),
		sequentialBatchMs(),
		measureCallbackWaiting(),
	]);
	const batch = await measureBatch();
	const limit = await measureConcurrencyLimit();
	const faults = await measureFaults();
	const realtime = await measureRealtime();
	return [
		...batchRows(batch, sequentialMs),
		...noticingRows(noticing),
		...callbackRows(callbacks),
		...concurrencyLimitRows(limit),
		...memoryRows(memory),
		...uploadRows(upload),
		...faultRows(faults),
		...realtimeRows(realtime),
	];
}

/** Sections that can run alone: `npm run bench -- upload realtime` (or `--only=realtime`, or BENCH_ONLY=realtime). */
const SECTIONS: Record<string, () => Promise<Row[]>> = {
	memory: async () => memoryRows(await measureMemory()),
	upload: async () => uploadRows(await measureUpload()),
	realtime: async () => realtimeRows(await measureRealtime()),
};

function requestedSections(): string[] {
	const names = process.argv.slice(2).map((arg) => arg.replace(/^--only=/, ''));
	return names.length > 0 ? names : (process.env.BENCH_ONLY?.split(',').filter(Boolean) ?? []);
}

async function measureOnly(names: string[]): Promise<Row[]> {
	const unknown = names.filter((name) => !SECTIONS[name]);
	if (unknown.length > 0)
		throw new Error(
			`Unknown bench section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`,
		);
	await warmUp();
	const rows: Row[] = [];
	for (const name of names) rows.push(...(await SECTIONS[name]()));
	return rows;
}

async function main(): Promise<void> {
	const startedAt = performance.now();
	const warnings = collectWarnings();
	process.stdout.write(`${machineLines().join('\n')}\n\n`);
	const only = requestedSections();
	const rows = only.length > 0 ? await measureOnly(only) : await measureAll();
	process.stdout.write(`${renderTable(rows)}\n\n${NOTES.join('\n')}\n`);
	const warned = warnings();
	if (warned.length > 0)
		process.stdout.write(
			`Process warnings during the run:\n${warned.map((line) => `  ${line}`).join('\n')}\n`,
		);
	process.stdout.write(
		`Bench time: ${((performance.now() - startedAt) / 60_000).toFixed(1)} min. Reproduce: npm run bench\n`,
	);
	const failed = rows.filter((row) => row.verdict === 'FAIL').length;
	if (failed > 0) {
		process.stdout.write(`${failed} target(s) not met.\n`);
		process.exitCode = 1;
	}
}

main()
	.catch((error: unknown) => {
		process.stderr.write(
			`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exitCode = 2;
	})
	.finally(() => disposeWorkflowRunner());
