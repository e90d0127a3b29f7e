import type { IDataObject, IExecuteFunctions, INodeParameters } from 'n8n-workflow';

import { WiroApi } from '../credentials/WiroApi.credentials';
import { canPauseForCallback } from '../nodes/Wiro/helpers/pauseForCallback';
import { Wiro } from '../nodes/Wiro/Wiro.node';
import { binaryToBuffer, disposeHarness, resumeWorkflow, runWebhook, type RunWorkflowResult } from './harness';
import { expectedOutputBytes, WiroServer } from './server';
import { CallbackReceiver, type ReceivedCallback } from './support/callbackReceiver';
import { bodiesAt, NODE_NAME, runWiro, signatureCredentials, WIRO_NODE_TYPE, wiroWorkflow, type RunWiroOptions } from './support/runWiro';

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
	await disposeHarness();
});

function callbackRun(parameters: INodeParameters, items?: IDataObject[]): RunWiroOptions {
	return { parameters, items, webhookWaitingBaseUrl: receiver.url.replace('/callback', '/webhook-waiting') };
}

/** Delivers a callback to the waiting Wiro node's webhook() as n8n does on the resume URL, then resumes the run. */
async function deliverAndResume(options: RunWiroOptions, waiting: RunWorkflowResult, callback: ReceivedCallback | { rawBody: Buffer }) {
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
	return { webhook, resumed: webhook.returned.workflowData ? await resumeWorkflow(wiroWorkflow(server, options), waiting, webhook.returned) : undefined };
}

describe('waitMode "callback": pausing the execution until Wiro calls back', () => {
	it('pauses with the resume URL as callbackUrl, polls nothing, and resumes with the verified task and video', async () => {
		const options = callbackRun({ resource: 'video', operation: 'generate', model: LTX, prompt: 'dawn', waitMode: 'callback', options: { timeout: 600 } });
		const waiting = await runWiro(server, options);
		expect(waiting.status).toBe('waiting');
		// The 600 s timeout counts from the node's start, just before Wiro received the Run.
		expect(waiting.waitTill!.getTime() - server.requests[0].time).toBeLessThanOrEqual(600_000);
		expect(waiting.waitTill!.getTime() - server.requests[0].time).toBeGreaterThan(590_000);
		const [body] = bodiesAt(server, `Run/${LTX}`);
		expect(body.callbackUrl).toBe(waiting.resumeUrl);
		expect(waiting.resumeUrl).toMatch(new RegExp(`/webhook-waiting/${waiting.executionId}\\?signature=`));

		const callback = await receiver.next(1);
		expect(server.stats.detail).toBe(0);
		const { webhook, resumed } = await deliverAndResume(options, waiting, callback);
		expect(server.stats.detail).toBe(1);
		expect(webhook.returned.workflowData).toBeDefined();
		expect(resumed!.status).toBe('success');
		const [item] = resumed!.output(NODE_NAME);
		const task = server.tasks()[0];
		expect(item.json).toMatchObject({ taskId: task.id, taskToken: task.socketaccesstoken, succeeded: true, waitedBy: 'callback' });
		expect((await binaryToBuffer(item.binary!.data)).equals(expectedOutputBytes(task.uuid, 30_000))).toBe(true);
	});

	it('on timeout, the item that flows on carries the task and a timed-out status, not a silent pass-through', async () => {
		const options = callbackRun({ resource: 'video', operation: 'generate', model: LTX, prompt: 'never mind #duration=60000', waitMode: 'callback', options: { timeout: 5 } }, [{ row: 7 }]);
		const waiting = await runWiro(server, options);
		const resumed = await resumeWorkflow(wiroWorkflow(server, options), waiting);
		const [item] = resumed.output(NODE_NAME);
		const task = server.tasks()[0];
		expect(item.json).toMatchObject({ row: 7, taskId: task.id, taskToken: task.socketaccesstoken, status: 'callback_timeout', succeeded: false });
		expect(item.json.error).toMatch(/did not call back within 5 s/);
	});

	it('refuses a callback for a task started with another callback URL, and keeps waiting', async () => {
		const options = callbackRun({ resource: 'video', operation: 'generate', model: LTX, prompt: 'mine', waitMode: 'callback' });
		const waiting = await runWiro(server, options);
		await receiver.next(1);
		const other = await runWiro(server, { parameters: { resource: 'video', operation: 'generate', model: LTX, prompt: 'other', options: { download: false, callbackUrl: receiver.url } } });
		const otherTask = other.output(NODE_NAME)[0].json;
		const { webhook, resumed } = await deliverAndResume(options, waiting, { rawBody: Buffer.from(JSON.stringify({ id: otherTask.taskId })) });
		expect(webhook.response.statusCode).toBe(403);
		expect(resumed).toBeUndefined();
	});

	it('a failed task resumes with an item that says so', async () => {
		const options = callbackRun({ resource: 'video', operation: 'generate', model: LTX, prompt: 'oops #fail', waitMode: 'callback' });
		const waiting = await runWiro(server, options);
		const { resumed } = await deliverAndResume(options, waiting, await receiver.next(1));
		expect(resumed!.output(NODE_NAME)[0].json).toMatchObject({ succeeded: false, waitedBy: 'callback', error: expect.stringMatching(/^The Wiro task failed/) });
	});

	it('with several items, polls them all instead of pausing, and says so', async () => {
		const result = await runWiro(server, callbackRun(
			{ resource: 'video', operation: 'generate', model: LTX, prompt: '={{ $json.p }}', waitMode: 'callback', options: { download: false } },
			[{ p: 'a' }, { p: 'b' }, { p: 'c' }],
		));
		expect(result.status).toBe('success');
		expect(result.output(NODE_NAME).map((item) => item.json.succeeded)).toEqual([true, true, true]);
		expect(bodiesAt(server, `Run/${LTX}`).every((body) => body.callbackUrl === undefined)).toBe(true);
		const hints = result.runs(NODE_NAME)[0].hints ?? [];
		expect(hints.map((hint) => hint.message)).toContainEqual(expect.stringMatching(/polled instead/));
	});

	it('Task > Wait pauses for a task started with this execution\'s resume URL, or answers at once if it already ended', async () => {
		const done = await runWiro(server, { parameters: { resource: 'video', operation: 'generate', model: LTX, prompt: 'quick', options: { download: false } } });
		const finished = await runWiro(server, callbackRun({ resource: 'task', operation: 'wait', task: String(done.output(NODE_NAME)[0].json.taskToken), waitMode: 'callback' }));
		expect(finished.status).toBe('success');
		expect(finished.output(NODE_NAME)[0].json.succeeded).toBe(true);

		const started = await runWiro(server, { parameters: { resource: 'video', operation: 'generate', model: LTX, prompt: 'later #duration=5000', waitMode: 'none' } });
		const waiting = await runWiro(server, callbackRun({ resource: 'task', operation: 'wait', task: String(started.output(NODE_NAME)[0].json.taskId), waitMode: 'callback' }));
		expect(waiting.status).toBe('waiting');
	});

	it('never pauses as an AI tool or with several items', () => {
		const context = (tool: boolean, items: number) => ({ isToolExecution: () => tool, getInputData: () => Array.from({ length: items }, () => ({ json: {} })) }) as unknown as IExecuteFunctions;
		expect(canPauseForCallback(context(false, 1))).toBe(true);
		expect(canPauseForCallback(context(true, 1))).toBe(false);
		expect(canPauseForCallback(context(false, 2))).toBe(false);
	});
});
