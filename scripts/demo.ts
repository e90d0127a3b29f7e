/**
 * `npm run demo [-- <example>]`: the `npm start` setup, headless. Runs one example workflow with
 * `n8n execute` (default: PixVerse), writes the video n8n stored to `demo-output/<example>.mp4`
 * and prints one line: task id, status, file, size. Progress goes to stderr.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isJsonObject, readBinaryData, type NodeOutputItem } from '../dev/n8n';
import { EXAMPLE_FILES, loadExample, type ExampleName } from '../dev/n8n/wiro';
import { startDevN8n } from './devN8n';

/** The examples that start with a Manual Trigger and end in a video, and the node that makes it. */
const RUNNABLE: Partial<Record<ExampleName, string>> = {
	pixverse: 'Generate PixVerse Video',
	ltxBatch: 'Generate LTX Videos',
	startThenWait: 'Wait for Video',
};

/** A real Wiro task can take many minutes. */
const EXECUTE_TIMEOUT_MS = 40 * 60_000;

function log(line: string): void {
	process.stderr.write(`${line}\n`);
}

function chooseExample(argument: string | undefined): { name: ExampleName; nodeName: string } {
	const name = (argument ?? 'pixverse').replace(/\.json$/, '');
	const byFile = (Object.keys(EXAMPLE_FILES) as ExampleName[]).find(
		(key) => EXAMPLE_FILES[key] === `${name}.json`,
	);
	const key = byFile ?? (name in RUNNABLE ? (name as ExampleName) : undefined);
	const nodeName = key ? RUNNABLE[key] : undefined;
	if (!key || !nodeName) {
		const choices = Object.keys(RUNNABLE).map(
			(runnable) => `${runnable} (${EXAMPLE_FILES[runnable as ExampleName]})`,
		);
		throw new Error(
			`Unknown or non-runnable example "${name}"; choose one of: ${choices.join(', ')}`,
		);
	}
	return { name: key, nodeName };
}

function firstVideo(items: NodeOutputItem[]): NodeOutputItem {
	const item = items.find((candidate) => candidate.binary?.['data']);
	if (!item) {
		const error = items.find((candidate) => candidate.json['error'])?.json['error'];
		throw new Error(`The workflow produced no video${error ? `: ${String(error)}` : ''}`);
	}
	return item;
}

async function main(): Promise<void> {
	const { name, nodeName } = chooseExample(process.argv[2]);
	const workflowFile = EXAMPLE_FILES[name];
	const dev = await startDevN8n({ startServer: false, log });
	try {
		log(`n8n: running ${workflowFile} with n8n execute`);
		const run = await dev.n8n.execute(loadExample(name).id, EXECUTE_TIMEOUT_MS);
		const items = run.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
		if (run.status !== 'success') {
			throw new Error(
				`The execution ended with status ${run.status}: ${String(run.error?.['message'] ?? 'no error message')}`,
			);
		}
		const item = firstVideo(items);
		const binary = item.binary?.['data'];
		if (!isJsonObject(binary)) throw new Error('The video item has no binary data');
		const bytes = await readBinaryData(dev.n8n.userFolder, binary);
		const outputDir = join(process.cwd(), 'demo-output');
		await mkdir(outputDir, { recursive: true });
		const file = join(outputDir, workflowFile.replace(/\.json$/, '.mp4'));
		await writeFile(file, bytes);
		const shown = relative(process.cwd(), file) || file;
		process.stdout.write(
			`task ${String(item.json['taskId'])}, status ${String(item.json['status'])}, file ${shown}, size ${bytes.length} bytes\n`,
		);
	} finally {
		await dev.stop();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(
			`npm run demo failed: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		process.exit(1);
	},
);
