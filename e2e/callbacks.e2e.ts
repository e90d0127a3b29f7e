/**
 * Pause Until Wiro Calls Back in a real n8n: the upstream node's stored output is never changed
 * (while paused, after the callback, after a timeout), and a paused execution survives an n8n
 * restart, resumed by the local Wiro server's retried callback.
 */
import { randomUUID } from 'node:crypto';
import {
	ensureN8n,
	isJsonObject,
	type JsonObject,
	type N8nInstance,
	type PublicExecution,
	type WorkflowToImport,
} from '../dev/n8n';
import {
	prepareWiroN8n,
	WIRO_CREDENTIAL_ID,
	WIRO_CREDENTIAL_NAME,
	wiroCredential,
} from '../dev/n8n/wiro';
import { expectVideoItem, itemsOf } from './support/videoItems';
import { log, MINUTE, SETUP_TIMEOUT_MS } from './support/suiteSetup';
import { waitFor, WiroServer, type Task } from '../dev/wiro-server';

jest.setTimeout(4 * MINUTE);

const LTX = 'wiroai/LTX-Video-Text2Video';
const UPSTREAM = 'Make Item';
const WIRO = 'Generate and Pause';
/** What the Code node upstream of the Wiro node outputs; nested, so a shallow copy would show. */
const UPSTREAM_JSON = { row: 7, customer: { name: 'Ada', tags: ['a', 'b'] } };
/** Wiro retries a failed callback; here 3 times, 20 s apart: time for n8n to restart. */
const CALLBACK_RETRY_DELAY_MS = 20_000;

interface PauseFlow {
	id: string;
	path: string;
	prompt: string;
	timeoutSeconds: number;
}

const FLOWS = {
	resumed: {
		id: 'E2eUpstreamKept1',
		path: `e2e-upstream-${randomUUID()}`,
		prompt: 'A heron at dawn #duration=5000',
		timeoutSeconds: 3600,
	},
	timedOut: {
		id: 'E2eUpstreamTime1',
		path: `e2e-timeout-${randomUUID()}`,
		prompt: 'Never calls back in time #duration=600000',
		timeoutSeconds: 5,
	},
	restart: {
		id: 'E2eRestartPause1',
		path: `e2e-restart-${randomUUID()}`,
		prompt: 'Finished while n8n is down #duration=600000',
		timeoutSeconds: 3600,
	},
} satisfies Record<string, PauseFlow>;

/** Webhook → Code ("Make Item") → Wiro (Pause Until Wiro Calls Back) → No Op. */
function pauseWorkflow(flow: PauseFlow): WorkflowToImport {
	const node = (
		name: string,
		type: string,
		typeVersion: number,
		x: number,
		parameters: JsonObject,
		extra: JsonObject = {},
	): JsonObject => ({
		id: randomUUID(),
		name,
		type,
		typeVersion,
		position: [x, 0],
		parameters,
		...extra,
	});
	const link = (to: string): JsonObject => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return {
		id: flow.id,
		name: `E2E: pause, ${flow.id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node(
				'Start',
				'n8n-nodes-base.webhook',
				2,
				0,
				{ httpMethod: 'POST', path: flow.path, responseMode: 'onReceived', options: {} },
				{ webhookId: randomUUID() },
			),
			node(UPSTREAM, 'n8n-nodes-base.code', 2, 220, {
				jsCode: `return [{ json: ${JSON.stringify(UPSTREAM_JSON)} }];`,
			}),
			node(
				WIRO,
				'n8n-nodes-wiro.wiro',
				1,
				440,
				{
					resource: 'video',
					operation: 'generate',
					model: LTX,
					prompt: flow.prompt,
					waitMode: 'callback',
					options: { timeout: flow.timeoutSeconds },
				},
				{
					credentials: { wiroApi: { id: WIRO_CREDENTIAL_ID, name: WIRO_CREDENTIAL_NAME } },
					webhookId: randomUUID(),
				},
			),
			node('Video Ready', 'n8n-nodes-base.noOp', 1, 660, {}),
		],
		connections: { Start: link(UPSTREAM), [UPSTREAM]: link(WIRO), [WIRO]: link('Video Ready') },
	};
}

let wiro: WiroServer;
let n8n: N8nInstance;

beforeAll(async () => {
	const install = await ensureN8n({ log });
	wiro = new WiroServer({
		taskDurationMs: 1500,
		outputSize: 64 * 1024,
		callbackRetries: 3,
		callbackRetryDelayMs: CALLBACK_RETRY_DELAY_MS,
	});
	await wiro.start();
	n8n = await prepareWiroN8n({
		install,
		credential: wiroCredential({
			apiKey: 'test-key',
			apiSecret: 'test-secret',
			baseUrl: wiro.baseUrl,
		}),
		workflows: () => Object.values(FLOWS).map(pauseWorkflow),
		publish: Object.values(FLOWS).map((flow) => flow.id),
		log,
	});
	await n8n.start();
	await n8n.setupOwnerAndApiKey();
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
	await n8n?.stop();
	await wiro?.stop();
});

/** Starts the flow through its webhook and returns the paused execution and the task it started. */
async function startPaused(flow: PauseFlow): Promise<{ execution: PublicExecution; task: Task }> {
	const tasksBefore = new Set(wiro.tasks().map((task) => task.id));
	await n8n.waitForWebhook(flow.path);
	const started = await fetch(n8n.webhookUrl(flow.path), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	if (started.status !== 200)
		throw new Error(
			`POST to ${flow.path} answered ${started.status}: ${await started.text()}\n` +
				`n8n's recent output:\n${n8n.serverOutput.slice(-6000)}`,
		);
	const execution = await n8n.waitForExecution(
		(candidate) => candidate.status === 'waiting',
		60_000,
		{ workflowId: flow.id, includeData: true },
	);
	const task = wiro.tasks().find((candidate) => !tasksBefore.has(candidate.id));
	if (!task) throw new Error(`${flow.id} started no Wiro task`);
	expect(task.callbackurl).toMatch(
		new RegExp(`^${n8n.baseUrl}webhook-waiting/${execution.id}\\?signature=`),
	);
	return { execution, task };
}

async function finished(
	flow: PauseFlow,
	executionId: string,
	timeoutMs: number,
): Promise<PublicExecution> {
	return await n8n.waitForExecution(
		(candidate) =>
			candidate.id === executionId &&
			candidate.status !== 'waiting' &&
			candidate.status !== 'running',
		timeoutMs,
		{
			workflowId: flow.id,
			includeData: true,
		},
	);
}

/** The upstream node's run data as n8n stored it, serialized: it must be what the Code node returned. */
function upstreamRecord(execution: PublicExecution): string {
	return JSON.stringify(execution.result?.runData[UPSTREAM]?.map((run) => run.data));
}

const UNTOUCHED = JSON.stringify([{ main: [[{ json: UPSTREAM_JSON, pairedItem: { item: 0 } }]] }]);

function customDataOf(execution: PublicExecution): JsonObject {
	const data = execution.raw['data'];
	const resultData = isJsonObject(data) ? data['resultData'] : undefined;
	const metadata = isJsonObject(resultData) ? resultData['metadata'] : undefined;
	return isJsonObject(metadata) ? metadata : {};
}

describe('pausing in a real n8n', () => {
	test("the upstream node's stored output stays as it was: while paused, after the callback, and after a timeout", async () => {
		// The timeout flow first: n8n looks for timed-out waits about once a minute.
		const timedOut = await startPaused(FLOWS.timedOut);
		const resumed = await startPaused(FLOWS.resumed);
		expect(upstreamRecord(timedOut.execution)).toBe(UNTOUCHED);
		expect(upstreamRecord(resumed.execution)).toBe(UNTOUCHED);
		expect(customDataOf(resumed.execution)).toMatchObject({
			wiroTaskId: resumed.task.id,
			wiroTaskToken: resumed.task.socketaccesstoken,
		});

		const done = await finished(FLOWS.resumed, resumed.execution.id, 2 * MINUTE);
		expect(done.status).toBe('success');
		expect(upstreamRecord(done)).toBe(UNTOUCHED);
		const [item] = itemsOf(done.result!, WIRO);
		expect(item?.json).toMatchObject({
			taskId: resumed.task.id,
			succeeded: true,
			waitedBy: 'callback',
		});
		await expectVideoItem(n8n, item!);

		const expired = await finished(FLOWS.timedOut, timedOut.execution.id, 3 * MINUTE);
		expect(expired.status).toBe('success');
		expect(upstreamRecord(expired)).toBe(UNTOUCHED);
		const [timeoutItem] = itemsOf(expired.result!, WIRO);
		expect(timeoutItem?.json).toMatchObject({
			taskId: timedOut.task.id,
			taskToken: timedOut.task.socketaccesstoken,
			status: 'callback_timeout',
			succeeded: false,
			error: expect.stringMatching(/did not call back within 5 s/),
		});
		expect(itemsOf(expired.result!, 'Video Ready')).toHaveLength(1);
		expect(customDataOf(expired)).toMatchObject({
			wiroTaskId: timedOut.task.id,
			wiroTaskToken: timedOut.task.socketaccesstoken,
		});
	});

	test("a paused execution survives an n8n restart: the task ends while n8n is down, Wiro's retried callback resumes it", async () => {
		const { execution, task } = await startPaused(FLOWS.restart);
		await n8n.stopServer();
		const failuresBefore = wiro.stats.callbackFailures;
		wiro.finishTask(task.id, 'success');
		// The first delivery finds nobody listening; Wiro retries while n8n starts again.
		await waitFor(() => wiro.stats.callbackFailures > failuresBefore, 30_000, 100);
		await n8n.start();

		const done = await finished(FLOWS.restart, execution.id, 3 * MINUTE);
		expect(done.status).toBe('success');
		expect(upstreamRecord(done)).toBe(UNTOUCHED);
		const [item] = itemsOf(done.result!, WIRO);
		expect(item?.json).toMatchObject({ taskId: task.id, succeeded: true, waitedBy: 'callback' });
		await expectVideoItem(n8n, item!);
		expect(itemsOf(done.result!, 'Video Ready')).toHaveLength(1);
	});
});
