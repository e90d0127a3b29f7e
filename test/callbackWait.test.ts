import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { WiroApi } from '../credentials/WiroApi.credentials';
import { canPauseForCallback } from '../nodes/Wiro/helpers/pauseForCallback';
import { Wiro } from '../nodes/Wiro/Wiro.node';
import {
	binaryToBuffer,
	disposeWorkflowRunner,
	ITEMS_NODE_NAME,
	resumeWorkflow,
	runWebhook,
	runWorkflow,
	testNodeDescription,
	type RunWorkflowResult,
} from '../dev/workflow-runner';
import { expectedOutputBytes, waitFor, WiroServer } from '../dev/wiro-server';
import { CallbackReceiver, type ReceivedCallback } from './support/callbackReceiver';
import {
	bodiesAt,
	NODE_NAME,
	runWiro,
	signatureCredentials,
	WIRO_NODE_TYPE,
	wiroWorkflow,
	type RunWiroOptions,
} from '../dev/workflow-runner/runWiro';

const LTX = 'wiroai/LTX-Video-Text2Video';

let server: WiroServer;
let receiver: CallbackReceiver;

beforeAll(async () => {
	server = new WiroServer({ taskDurationMs: 400, outputSize: 30_000 });
	receiver = new CallbackReceiver();
	await Promise.all([server.start(), receiver.start()]);
});
afterEach(() => {
	server.reset();
	receiver.received.length = 0;
});
afterAll(async () => {
	await Promise.all([server.stop(), receiver.stop()]);
	await disposeWorkflowRunner();
});

function callbackRun(parameters: INodeParameters, items?: IDataObject[]): RunWiroOptions {
	return {
		parameters,
		items,
		webhookWaitingBaseUrl: receiver.url.replace('/callback', '/webhook-waiting'),
	};
}

/** Delivers a callback to the waiting Wiro node's webhook() as n8n does on the resume URL, then resumes the run. */
async function deliverAndResume(
	options: RunWiroOptions,
	waiting: RunWorkflowResult,
	callback: ReceivedCallback | { rawBody: Buffer },
) {
	const node = wiroWorkflow(server, options).nodes[0];
	const webhook = await runWebhook({
		nodeTypes: { [WIRO_NODE_TYPE]: new Wiro() },
		credentialTypes: { wiroApi: new WiroApi() },
		credentials: { wiroApi: signatureCredentials(server) },
		node,
		headers: { 'content-type': 'application/json' },
		rawBody: callback.rawBody,
		body: JSON.parse(callback.rawBody.toString()),
		executionId: waiting.executionId,
		runExecutionData: waiting.runExecutionData.data,
		mode: waiting.runExecutionData.mode,
	});
	return {
		webhook,
		resumed: webhook.returned.workflowData
			? await resumeWorkflow(wiroWorkflow(server, options), waiting, webhook.returned)
			: undefined,
	};
}

const FILL_CUSTOM_DATA_TYPE = 'n8n-nodes-test.fillCustomData';

/** Sets nine custom data entries, as a workflow that tags its executions might, and passes its items on. */
class FillCustomData implements INodeType {
	description = testNodeDescription({
		displayName: 'Fill Custom Data',
		name: 'fillCustomData',
		description: 'Sets nine execution custom data entries',
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		for (let n = 0; n < 9; n++) this.customData.set(`tag${n}`, 'x');
		return [this.getInputData()];
	}
}

/** Waits for the local server's callback about one task (the receiver gets every task's callbacks). */
async function callbackOf(taskId: string): Promise<ReceivedCallback> {
	await waitFor(() => receiver.received.some((callback) => namesTask(callback, taskId)));
	return receiver.received.find((callback) => namesTask(callback, taskId))!;
}

function namesTask(callback: ReceivedCallback, taskId: string): boolean {
	const body = JSON.parse(callback.rawBody.toString()) as {
		tasklist?: Array<{ id?: string }>;
		id?: string;
	};
	return (body.tasklist?.[0]?.id ?? body.id) === taskId;
}

/** The upstream node's run data, serialized: what the execution view shows for it. */
function upstreamRecord(result: RunWorkflowResult): string {
	return JSON.stringify(result.runs(ITEMS_NODE_NAME).map((run) => run.data));
}

/** What the Items node records for these items when nothing touched them. */
function untouchedRecord(items: IDataObject[]): string {
	return JSON.stringify([{ main: [items.map((json) => ({ json, pairedItem: { item: 0 } }))] }]);
}

describe('waitMode "callback": pausing the execution until Wiro calls back', () => {
	it('pauses with the resume URL as callbackUrl, polls nothing, and resumes with the verified task and video', async () => {
		const options = callbackRun({
			resource: 'video',
			operation: 'generate',
			model: LTX,
			prompt: 'dawn',
			waitMode: 'callback',
			options: { timeout: 600 },
		});
		const waiting = await runWiro(server, options);
		expect(waiting.status).toBe('waiting');
		// The 600 s timeout counts from the node's start, just before Wiro received the Run.
		expect(waiting.waitTill!.getTime() - server.requests[0].time).toBeLessThanOrEqual(600_000);
		expect(waiting.waitTill!.getTime() - server.requests[0].time).toBeGreaterThan(590_000);
		const [body] = bodiesAt(server, `Run/${LTX}`);
		expect(body.callbackUrl).toBe(waiting.resumeUrl);
		expect(waiting.resumeUrl).toMatch(
			new RegExp(`/webhook-waiting/${waiting.executionId}\\?signature=`),
		);

		const callback = await receiver.next(1);
		expect(server.stats.detail).toBe(0);
		const { webhook, resumed } = await deliverAndResume(options, waiting, callback);
		expect(server.stats.detail).toBe(1);
		expect(webhook.returned.workflowData).toBeDefined();
		expect(resumed!.status).toBe('success');
		const [item] = resumed!.output(NODE_NAME);
		const task = server.tasks()[0];
		expect(item.json).toMatchObject({
			taskId: task.id,
			taskToken: task.socketaccesstoken,
			succeeded: true,
			waitedBy: 'callback',
		});
		expect(
			(await binaryToBuffer(item.binary!.data)).equals(expectedOutputBytes(task.uuid, 30_000)),
		).toBe(true);
	});

	it("on timeout, a new item with the task and a timed-out status flows on; the task is also in the execution's custom data", async () => {
		const options = callbackRun(
			{
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'never mind #duration=60000',
				waitMode: 'callback',
				options: { timeout: 5 },
			},
			[{ row: 7 }],
		);
		const waiting = await runWiro(server, options);
		const resumed = await resumeWorkflow(wiroWorkflow(server, options), waiting);
		expect(resumed.status).toBe('success');
		const [item] = resumed.output(NODE_NAME);
		const task = server.tasks()[0];
		expect(item.json).toMatchObject({
			taskId: task.id,
			taskToken: task.socketaccesstoken,
			model: LTX,
			status: 'callback_timeout',
			finished: false,
			succeeded: false,
			waitedBy: 'callback',
		});
		expect(item.json.error).toMatch(/did not call back within 5 s/);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(resumed.runExecutionData.data.resultData.metadata).toMatchObject({
			wiroTaskId: task.id,
			wiroTaskToken: task.socketaccesstoken,
		});
	});

	it('refuses a callback for a task started with another callback URL, and keeps waiting', async () => {
		const options = callbackRun({
			resource: 'video',
			operation: 'generate',
			model: LTX,
			prompt: 'mine',
			waitMode: 'callback',
		});
		const waiting = await runWiro(server, options);
		await receiver.next(1);
		const other = await runWiro(server, {
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'other',
				options: { download: false, callbackUrl: receiver.url },
			},
		});
		const otherTask = other.output(NODE_NAME)[0].json;
		const { webhook, resumed } = await deliverAndResume(options, waiting, {
			rawBody: Buffer.from(JSON.stringify({ id: otherTask.taskId })),
		});
		expect(webhook.response.statusCode).toBe(403);
		expect(resumed).toBeUndefined();
	});

	it('a failed task resumes with an item that says so', async () => {
		const options = callbackRun({
			resource: 'video',
			operation: 'generate',
			model: LTX,
			prompt: 'oops #fail',
			waitMode: 'callback',
		});
		const waiting = await runWiro(server, options);
		const { resumed } = await deliverAndResume(options, waiting, await receiver.next(1));
		expect(resumed!.output(NODE_NAME)[0].json).toMatchObject({
			succeeded: false,
			waitedBy: 'callback',
			error: expect.stringMatching(/^The Wiro task failed/),
		});
	});

	it('with several items, polls them all instead of pausing, and says so', async () => {
		const result = await runWiro(
			server,
			callbackRun(
				{
					resource: 'video',
					operation: 'generate',
					model: LTX,
					prompt: '={{ $json.p }}',
					waitMode: 'callback',
					options: { download: false },
				},
				[{ p: 'a' }, { p: 'b' }, { p: 'c' }],
			),
		);
		expect(result.status).toBe('success');
		expect(result.output(NODE_NAME).map((item) => item.json.succeeded)).toEqual([true, true, true]);
		expect(bodiesAt(server, `Run/${LTX}`).every((body) => body.callbackUrl === undefined)).toBe(
			true,
		);
		const hints = result.runs(NODE_NAME)[0].hints ?? [];
		expect(hints.map((hint) => hint.message)).toContainEqual(
			expect.stringMatching(/in real time instead/),
		);
	});

	it("Task > Wait pauses for a task started with this execution's resume URL, or answers at once if it already ended", async () => {
		const done = await runWiro(server, {
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'quick',
				options: { download: false },
			},
		});
		const finished = await runWiro(
			server,
			callbackRun({
				resource: 'task',
				operation: 'wait',
				task: String(done.output(NODE_NAME)[0].json.taskToken),
				waitMode: 'callback',
			}),
		);
		expect(finished.status).toBe('success');
		expect(finished.output(NODE_NAME)[0].json.succeeded).toBe(true);

		const started = await runWiro(server, {
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'later #duration=5000',
				waitMode: 'none',
			},
		});
		const waiting = await runWiro(
			server,
			callbackRun({
				resource: 'task',
				operation: 'wait',
				task: String(started.output(NODE_NAME)[0].json.taskId),
				waitMode: 'callback',
			}),
		);
		expect(waiting.status).toBe('waiting');
	});

	it("polls instead, and says why, when the execution's custom data has no room to record the task", async () => {
		const workflow = wiroWorkflow(
			server,
			callbackRun({
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'tagged',
				waitMode: 'callback',
				options: { download: false },
			}),
		);
		const fill = {
			id: 'fill',
			name: 'Fill Custom Data',
			type: FILL_CUSTOM_DATA_TYPE,
			typeVersion: 1,
			position: [200, 0] as [number, number],
			parameters: {},
		};
		const result = await runWorkflow({
			...workflow,
			nodeTypes: { ...workflow.nodeTypes, [FILL_CUSTOM_DATA_TYPE]: new FillCustomData() },
			nodes: [fill, ...workflow.nodes],
		});
		expect(result.status).toBe('success');
		expect(result.output(NODE_NAME)[0].json).toMatchObject({ succeeded: true });
		expect(bodiesAt(server, `Run/${LTX}`)[0].callbackUrl).toBeUndefined();
		expect((result.runs(NODE_NAME)[0].hints ?? []).map((hint) => hint.message)).toContainEqual(
			expect.stringMatching(/custom data is full/),
		);
	});

	it("never pauses as an AI tool, with several items, or when the execution's custom data is full", () => {
		const context = (tool: boolean, items: number, customData: Record<string, string> = {}) =>
			({
				isToolExecution: () => tool,
				getInputData: () => Array.from({ length: items }, () => ({ json: {} })),
				customData: { getAll: () => customData },
			}) as unknown as IExecuteFunctions;
		const entries = (count: number, extra: Record<string, string> = {}) => ({
			...Object.fromEntries(Array.from({ length: count }, (_, n) => [`key${n}`, 'x'])),
			...extra,
		});
		expect(canPauseForCallback(context(false, 1))).toBe(true);
		expect(canPauseForCallback(context(true, 1))).toBe(false);
		expect(canPauseForCallback(context(false, 2))).toBe(false);
		expect(canPauseForCallback(context(false, 1, entries(8)))).toBe(true);
		expect(canPauseForCallback(context(false, 1, entries(9)))).toBe(false);
		expect(
			canPauseForCallback(context(false, 1, entries(8, { wiroTaskId: '1', wiroTaskToken: 't' }))),
		).toBe(true);
	});
});

describe("pausing leaves every other node's data as it was", () => {
	const items: IDataObject[] = [{ row: 7, nested: { tags: ['a', 'b'] } }];

	it('while waiting, and after the callback resumes the run', async () => {
		const options = callbackRun(
			{
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'upstream',
				waitMode: 'callback',
			},
			items,
		);
		const waiting = await runWiro(server, options);
		expect(waiting.status).toBe('waiting');
		expect(upstreamRecord(waiting)).toBe(untouchedRecord(items));
		const task = server.tasks()[0];
		const { resumed } = await deliverAndResume(options, waiting, await callbackOf(task.id));
		expect(resumed!.status).toBe('success');
		expect(upstreamRecord(resumed!)).toBe(untouchedRecord(items));
		expect(resumed!.output(NODE_NAME)[0].json).toMatchObject({ taskId: task.id, succeeded: true });
	});

	it('after a timeout', async () => {
		const options = callbackRun(
			{
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'slow #duration=60000',
				waitMode: 'callback',
				options: { timeout: 5 },
			},
			items,
		);
		const waiting = await runWiro(server, options);
		const resumed = await resumeWorkflow(wiroWorkflow(server, options), waiting);
		expect(upstreamRecord(resumed)).toBe(untouchedRecord(items));
		expect(resumed.output(NODE_NAME)[0].json.status).toBe('callback_timeout');
	});
});

describe('a paused execution resumes only with the task it started', () => {
	const generate = (prompt: string, extra: IDataObject = {}) =>
		callbackRun({
			resource: 'video',
			operation: 'generate',
			model: LTX,
			prompt,
			waitMode: 'callback',
			options: { timeout: 600, ...extra },
		});

	/** Another callback is refused with a 4xx, starts nothing, and the run still resumes with its own task afterwards. */
	async function expectRefusedThenOwnResumes(
		options: RunWiroOptions,
		waiting: RunWorkflowResult,
		foreign: ReceivedCallback | { rawBody: Buffer },
	) {
		const refused = await deliverAndResume(options, waiting, foreign);
		expect(refused.webhook.response.statusCode).toBeGreaterThanOrEqual(400);
		expect(refused.webhook.response.statusCode).toBeLessThan(500);
		expect(refused.webhook.returned.workflowData).toBeUndefined();
		expect(refused.resumed).toBeUndefined();
		expect(waiting.runExecutionData.data.waitTill).toBeDefined();

		const own = waiting.output(NODE_NAME)[0].json.taskId as string;
		const { resumed } = await deliverAndResume(options, waiting, await callbackOf(own));
		expect(resumed!.status).toBe('success');
		const task = server.getTask(own)!;
		const [item] = resumed!.output(NODE_NAME);
		expect(item.json).toMatchObject({ taskId: own, succeeded: true });
		expect(
			(await binaryToBuffer(item.binary!.data)).equals(expectedOutputBytes(task.uuid, 30_000)),
		).toBe(true);
	}

	it('refuses a finished task of the same project that was started without a callback URL', async () => {
		const options = generate('mine');
		const waiting = await runWiro(server, options);
		const other = await runWiro(server, {
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'no callback',
				options: { download: false },
			},
		});
		const otherTask = server.getTask(other.output(NODE_NAME)[0].json.taskId as string)!;
		await expectRefusedThenOwnResumes(options, waiting, {
			rawBody: Buffer.from(JSON.stringify({ tasklist: [otherTask] })),
		});
	});

	it('execution 12 refuses the task of execution 123', async () => {
		const options = generate('twelve');
		const other = await runWorkflow({
			...wiroWorkflow(server, generate('one-two-three')),
			executionId: '123',
		});
		const waiting = await runWorkflow({ ...wiroWorkflow(server, options), executionId: '12' });
		const otherTaskId = other.output(NODE_NAME)[0].json.taskId as string;
		expect(server.getTask(otherTaskId)!.callbackurl).toMatch(/\/webhook-waiting\/123\?/);
		await expectRefusedThenOwnResumes(options, waiting, await callbackOf(otherTaskId));
	});

	it("holds when Wiro's Detail carries no callbackurl", async () => {
		server.setOptions({ callbackUrlInDetail: false });
		try {
			const options = generate('mine, no callbackurl');
			const other = await runWiro(server, generate('theirs, no callbackurl'));
			const waiting = await runWiro(server, options);
			const otherTaskId = other.output(NODE_NAME)[0].json.taskId as string;
			expect(server.getTask(otherTaskId)!.callbackurl).toBeUndefined();
			await expectRefusedThenOwnResumes(options, waiting, await callbackOf(otherTaskId));
		} finally {
			server.setOptions({ callbackUrlInDetail: true });
		}
	});

	it('Task > Wait in callback mode is bound to its task too', async () => {
		const started = await runWiro(server, {
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'later #duration=1500',
				waitMode: 'none',
			},
		});
		const taskId = started.output(NODE_NAME)[0].json.taskId as string;
		const options = callbackRun({
			resource: 'task',
			operation: 'wait',
			task: taskId,
			waitMode: 'callback',
		});
		const waiting = await runWiro(server, options);
		expect(waiting.status).toBe('waiting');
		const other = await runWiro(server, {
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'another',
				options: { download: false },
			},
		});
		const otherTask = server.getTask(other.output(NODE_NAME)[0].json.taskId as string)!;
		const refused = await deliverAndResume(options, waiting, {
			rawBody: Buffer.from(JSON.stringify({ tasklist: [otherTask] })),
		});
		expect(refused.webhook.response.statusCode).toBe(403);
		expect(refused.resumed).toBeUndefined();

		await waitFor(() => server.getTask(taskId)!.status === 'task_postprocess_end', 5000);
		const own = server.getTask(taskId)!;
		const { resumed } = await deliverAndResume(options, waiting, {
			rawBody: Buffer.from(JSON.stringify({ tasklist: [own] })),
		});
		expect(resumed!.output(NODE_NAME)[0].json).toMatchObject({
			taskId,
			succeeded: true,
			waitedBy: 'callback',
		});
	});
});
