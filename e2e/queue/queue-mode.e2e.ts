/**
 * The package in n8n's queue mode on this machine: Redis and PostgreSQL (Debian's packages,
 * installed when missing, started here on loopback), `n8n start` with production webhooks off,
 * `n8n worker` and `n8n webhook`, all with the package linked in, against the local Wiro server.
 * Every run is started through the webhook process and read back through the main's public API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureN8n, type PublicExecution } from '../../dev/n8n';
import { trackTempFolder, untrackTempFolder } from '../../dev/n8n/process-cleanup';
import { repoRoot, wiroCredential } from '../../dev/n8n/wiro';
import { WiroServer } from '../../dev/wiro-server';
import { QueueCluster } from './cluster';
import {
	ensureDebianPackages,
	Reaper,
	sleep,
	startPostgres,
	startRedis,
	type PostgresServer,
	type RedisServer,
} from './services';
import { expectVideoItem, itemsOf, promptOf } from './videos';
import {
	BATCH,
	BATCH_PROMPTS,
	PAUSE,
	PUBLISHED,
	queueWorkflows,
	STARTER,
	TRIGGER_WEBHOOK_PATH,
	TRIGGER_WORKFLOW_ID,
} from './workflows';

const MINUTE = 60_000;
jest.setTimeout(3 * MINUTE);
const log = (line: string): void => {
	process.stderr.write(`[queue] ${line}\n`);
};
const keepLogs = process.env['N8N_WIRO_KEEP_QUEUE_LOGS'] === '1';

let reaper: Reaper | undefined;
let runDir: string | undefined;
let redis: RedisServer | undefined;
let postgres: PostgresServer | undefined;
let wiro: WiroServer;
let cluster: QueueCluster;

beforeAll(async () => {
	const startedAt = Date.now();
	const install = await ensureN8n({ log });
	await ensureDebianPackages(['redis-server', 'postgresql'], log);
	reaper = Reaper.start();
	runDir = await mkdtemp(join(tmpdir(), 'wiro-queue-run-'));
	if (!keepLogs) {
		trackTempFolder(runDir);
		reaper.trackFolder(runDir);
	}
	redis = await startRedis(runDir, log, reaper);
	postgres = await startPostgres(runDir, log, reaper);
	wiro = new WiroServer({ taskDurationMs: 2000, outputSize: 96 * 1024 });
	await wiro.start();
	cluster = await QueueCluster.start({
		install,
		packageDir: repoRoot(),
		redis,
		postgres,
		runDir,
		log,
		tracker: reaper,
		prepare: async (main, webhookBaseUrl) => {
			await main.importCredentials([
				wiroCredential({
					apiKey: 'test-key',
					apiSecret: 'test-secret',
					baseUrl: wiro.baseUrl,
					socketUrl: wiro.socketUrl,
				}),
			]);
			await main.importWorkflows(queueWorkflows(webhookBaseUrl));
			for (const id of PUBLISHED) await main.publishWorkflow(id);
		},
	});
	await cluster.main.setupOwnerAndApiKey();
	for (const path of [BATCH.path, PAUSE.path, STARTER.path, TRIGGER_WEBHOOK_PATH])
		await cluster.waitForWebhook(path, log);
	log(`queue mode up in ${Math.round((Date.now() - startedAt) / 1000)} s (logs: ${runDir})`);
}, 40 * MINUTE);

afterAll(async () => {
	// Each step runs even when one before it failed; the reaper goes last.
	const steps: Array<() => Promise<void> | undefined> = [
		() => cluster?.stop(),
		() => wiro?.stop(),
		() => postgres?.stop(),
		() => redis?.stop(),
	];
	for (const step of steps)
		await Promise.resolve()
			.then(step)
			.catch((error: unknown) => log(`cleanup: ${String(error)}`));
	if (runDir && !keepLogs) {
		await rm(runDir, { recursive: true, force: true });
		untrackTempFolder(runDir);
	} else if (runDir) log(`logs kept in ${runDir}`);
	reaper?.stop();
}, 2 * MINUTE);

function startThroughWebhookProcess(path: string): Promise<Response> {
	return fetch(cluster.webhookUrl(path), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
		signal: AbortSignal.timeout(30_000),
	});
}

async function finishedExecution(
	workflowId: string,
	matches: (execution: PublicExecution) => boolean = () => true,
): Promise<PublicExecution> {
	cluster.assertRunning();
	return cluster.main.waitForExecution(
		(execution) => ['success', 'error', 'crashed'].includes(execution.status) && matches(execution),
		2 * MINUTE,
		{
			workflowId,
			includeData: true,
		},
	);
}

/** How often a process logged `<text> <execution id> (job …)`. */
function countLogged(messages: string[], text: string, executionId: string): number {
	return messages.filter((message) => message.startsWith(`${text} ${executionId} (job `)).length;
}

describe('n8n queue mode', () => {
	test('the main process takes no production webhooks: everything goes through the webhook process', async () => {
		const onMain = await fetch(new URL(`webhook/${BATCH.path}`, cluster.main.baseUrl), {
			method: 'POST',
			body: '{}',
		});
		expect(onMain.status).toBe(404);
	});

	test('a batch Generate runs on the worker and every item gets its video', async () => {
		const started = await startThroughWebhookProcess(BATCH.path);
		expect(started.status).toBe(200);
		const execution = await finishedExecution(BATCH.id);
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });

		const items = itemsOf(execution.result, BATCH.node);
		expect(items.map(promptOf)).toEqual(BATCH_PROMPTS);
		const taskIds = await Promise.all(
			items.map((item) => expectVideoItem(cluster.binaryDataDir, item)),
		);
		expect(new Set(taskIds).size).toBe(BATCH_PROMPTS.length);

		// Enqueued by the webhook process, run by the worker, and never by the main.
		expect(countLogged(cluster.webhookMessages(), 'Enqueued execution', execution.id)).toBe(1);
		expect(countLogged(cluster.workerMessages(), 'Worker started execution', execution.id)).toBe(1);
		expect(countLogged(cluster.workerMessages(), 'Worker finished execution', execution.id)).toBe(
			1,
		);
		expect(countLogged(cluster.mainMessages(), 'Enqueued execution', execution.id)).toBe(0);
	});

	test('a callback-mode wait pauses, Wiro calls the resume URL on the webhook process, the worker finishes it with the video', async () => {
		const tasksBefore = new Set(wiro.tasks().map((task) => task.id));
		const callbacksBefore = wiro.stats.callbacksSent;
		expect((await startThroughWebhookProcess(PAUSE.path)).status).toBe(200);

		const waiting = await cluster.main.waitForExecution(
			(execution) => execution.status === 'waiting',
			MINUTE,
			{ workflowId: PAUSE.id, includeData: true },
		);
		const task = wiro.tasks().find((candidate) => !tasksBefore.has(candidate.id));
		if (!task) throw new Error('The paused execution started no Wiro task');
		// The worker handed Wiro a resume URL on the webhook process (its N8N_WEBHOOK_URL).
		expect(task.callbackurl).toMatch(
			new RegExp(`^${cluster.webhookBaseUrl}webhook-waiting/${waiting.id}\\?signature=`),
		);
		expect(task.status).not.toBe('task_postprocess_end');

		const done = await finishedExecution(PAUSE.id, (execution) => execution.id === waiting.id);
		expect(done.status).toBe('success');
		expect(wiro.stats.callbacksSent).toBeGreaterThan(callbacksBefore);
		const [resumed] = itemsOf(done.result, PAUSE.node);
		if (!resumed) throw new Error('The resumed node output nothing');
		expect(resumed.json).toMatchObject({ taskId: task.id, succeeded: true, waitedBy: 'callback' });
		await expectVideoItem(cluster.binaryDataDir, resumed);
		expect(itemsOf(done.result, 'Video Ready')).toHaveLength(1);

		// Started and resumed: both times enqueued by the webhook process and run by the worker.
		expect(countLogged(cluster.webhookMessages(), 'Enqueued execution', waiting.id)).toBe(2);
		expect(countLogged(cluster.workerMessages(), 'Worker started execution', waiting.id)).toBe(2);
	});

	test('the Wiro Trigger fires through the webhook process on a real callback from Wiro', async () => {
		expect((await startThroughWebhookProcess(STARTER.path)).status).toBe(200);
		const starter = await finishedExecution(STARTER.id);
		expect(starter.status).toBe('success');
		const taskId = String(itemsOf(starter.result, STARTER.node)[0]?.json['taskId']);
		expect(wiro.getTask(taskId)?.callbackurl).toBe(cluster.webhookUrl(TRIGGER_WEBHOOK_PATH));

		const triggered = await finishedExecution(TRIGGER_WORKFLOW_ID, (execution) =>
			JSON.stringify(execution.result?.runData['Wiro Trigger'] ?? []).includes(
				`"taskId":"${taskId}"`,
			),
		);
		expect(triggered).toMatchObject({ status: 'success', mode: 'webhook' });
		const [item] = itemsOf(triggered.result, 'Wiro Trigger');
		if (!item) throw new Error('The Wiro Trigger output nothing');
		expect(item.json).toMatchObject({ taskId, succeeded: true });
		await expectVideoItem(cluster.binaryDataDir, item);
		expect(itemsOf(triggered.result, 'Video Ready')).toHaveLength(1);

		expect(countLogged(cluster.webhookMessages(), 'Enqueued execution', triggered.id)).toBe(1);
		expect(countLogged(cluster.workerMessages(), 'Worker started execution', triggered.id)).toBe(1);

		// Wiro retries callbacks: the trigger's memory (workflow static data, saved by the webhook process) holds.
		const again = await fetch(cluster.webhookUrl(TRIGGER_WEBHOOK_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				result: true,
				errors: [],
				total: '1',
				tasklist: [wiro.getTask(taskId)],
			}),
		});
		expect(again.status).toBeLessThan(500);
		await sleep(2_000);
		const forTask = (
			await cluster.main.listExecutions({ workflowId: TRIGGER_WORKFLOW_ID, includeData: true })
		).filter((execution) =>
			JSON.stringify(execution.result?.runData['Wiro Trigger'] ?? []).includes(
				`"taskId":"${taskId}"`,
			),
		);
		expect(forTask.map((execution) => execution.id)).toEqual([triggered.id]);
	});
});
