import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { WiroApi } from '../credentials/WiroApi.credentials';
import { isWiroCdnUrl } from '../nodes/WiroTrigger/wiroCdn';
import { WiroTrigger } from '../nodes/WiroTrigger/WiroTrigger.node';
import { binaryToBuffer, disposeWorkflowRunner, runWebhook } from '../dev/workflow-runner';
import { expectedOutputBytes, WiroServer } from '../dev/wiro-server';
import { CallbackReceiver, type ReceivedCallback } from './support/callbackReceiver';
import { NODE_NAME, runWiro, signatureCredentials } from '../dev/workflow-runner/runWiro';

const LTX = 'wiroai/LTX-Video-Text2Video';
const TRIGGER_TYPE = 'n8n-nodes-wiro.wiroTrigger';

let server: WiroServer;
let receiver: CallbackReceiver;

beforeAll(async () => {
	server = new WiroServer({ taskDurationMs: 300, outputSize: 20_000 });
	receiver = new CallbackReceiver();
	await Promise.all([server.start(), receiver.start()]);
});
afterEach(() => {
	server.setOptions({ callbackShape: 'detail', callbackRepeats: 1 });
	server.reset();
	receiver.received.length = 0;
});
afterAll(async () => {
	await Promise.all([server.stop(), receiver.stop()]);
	await disposeWorkflowRunner();
});

function triggerNode(parameters: INodeParameters = {}): INode {
	return {
		id: 'trigger',
		name: 'Wiro Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: '5b9f0d4c-2a51-4a57-9a3b-7c1b8c6a1e11',
		parameters,
		credentials: { wiroApi: { id: 'cred-1', name: 'Wiro account' } },
	};
}

/** Delivers a callback to the trigger's webhook() the way n8n does after its body parsers ran. */
async function deliver(
	callback: { rawBody: Buffer | string; headers?: Record<string, string> },
	options: { parameters?: INodeParameters; staticData?: IDataObject } = {},
) {
	const raw = Buffer.isBuffer(callback.rawBody) ? callback.rawBody : Buffer.from(callback.rawBody);
	const contentType = callback.headers?.['content-type'] ?? 'application/json';
	const body = contentType.includes('x-www-form-urlencoded')
		? Object.fromEntries(new URLSearchParams(raw.toString()))
		: safeJson(raw);
	return await runWebhook({
		nodeTypes: { [TRIGGER_TYPE]: new WiroTrigger() },
		credentialTypes: { wiroApi: new WiroApi() },
		credentials: { wiroApi: signatureCredentials(server) },
		node: triggerNode(options.parameters),
		headers: { 'content-type': contentType },
		rawBody: raw,
		body,
		staticData: options.staticData,
	});
}

function safeJson(raw: Buffer): unknown {
	try {
		return JSON.parse(raw.toString());
	} catch {
		return {};
	}
}

/** Starts a task through the Wiro node with the receiver as its callback URL and waits for Wiro's callback. */
async function taskWithCallback(
	prompt: string,
): Promise<{ callback: ReceivedCallback; taskId: string; taskToken: string }> {
	const result = await runWiro(server, {
		parameters: {
			resource: 'video',
			operation: 'generate',
			model: LTX,
			prompt,
			waitMode: 'none',
			options: { callbackUrl: receiver.url },
		},
	});
	const { taskId, taskToken } = result.output(NODE_NAME)[0].json as {
		taskId: string;
		taskToken: string;
	};
	const callback = await receiver.next(receiver.received.length + 1);
	return { callback, taskId, taskToken };
}

describe('Wiro Trigger', () => {
	it('starts one execution from a real callback (Task/Detail shape), confirmed with Wiro, with the video', async () => {
		const { callback, taskId, taskToken } = await taskWithCallback('sunrise');
		const detailsBefore = server.stats.detail;
		const { returned } = await deliver(callback);
		expect(server.stats.detail).toBe(detailsBefore + 1);
		const [[item]] = returned.workflowData!;
		expect(item.json).toMatchObject({
			event: 'succeeded',
			verified: true,
			taskId,
			taskToken,
			succeeded: true,
		});
		const task = server.getTask(taskId)!;
		expect(
			(await binaryToBuffer(item.binary!.data)).equals(expectedOutputBytes(task.uuid, 20_000)),
		).toBe(true);
	});

	it('accepts a bare task object and form-encoded bodies', async () => {
		server.setOptions({ callbackShape: 'task' });
		const bare = await taskWithCallback('bare');
		expect(JSON.parse(bare.callback.rawBody.toString()).tasklist).toBeUndefined();
		expect((await deliver(bare.callback)).returned.workflowData?.[0][0].json.taskId).toBe(
			bare.taskId,
		);

		const task = server.getTask(bare.taskId)!;
		const flat = new URLSearchParams({
			id: task.id,
			socketaccesstoken: task.socketaccesstoken,
			status: task.status,
		}).toString();
		const form = await deliver({
			rawBody: flat,
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(form.returned.workflowData?.[0][0].json.taskId).toBe(bare.taskId);

		const nested = new URLSearchParams({ tasklist: JSON.stringify([task]) }).toString();
		const nestedForm = await deliver({
			rawBody: nested,
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(nestedForm.returned.workflowData?.[0][0].json.taskToken).toBe(task.socketaccesstoken);
	});

	it('refuses a task the account does not have, and one that is not finished, starting nothing', async () => {
		const unknown = await deliver({
			rawBody: JSON.stringify({
				tasklist: [
					{
						id: '987654',
						socketaccesstoken: 'NoSuchToken123',
						status: 'task_postprocess_end',
						pexit: '0',
					},
				],
			}),
		});
		expect(unknown.returned).toEqual({ noWebhookResponse: true });
		expect(unknown.response.statusCode).toBe(404);

		const running = await runWiro(server, {
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'slow #duration=5000',
				waitMode: 'none',
			},
		});
		const { taskId } = running.output(NODE_NAME)[0].json as { taskId: string };
		const early = await deliver({
			rawBody: JSON.stringify({ id: taskId, status: 'task_postprocess_end', pexit: '0' }),
		});
		expect(early.response.statusCode).toBe(409);
		expect(early.returned.workflowData).toBeUndefined();
	});

	it('with verification off, trusts the body and makes no Detail call', async () => {
		const forged = {
			id: '42',
			socketaccesstoken: 'ForgedToken',
			status: 'task_postprocess_end',
			pexit: '0',
			outputs: [],
		};
		const detailsBefore = server.stats.detail;
		const { returned } = await deliver(
			{ rawBody: JSON.stringify(forged) },
			{ parameters: { verify: false } },
		);
		expect(returned.workflowData?.[0][0].json).toMatchObject({
			taskId: '42',
			verified: false,
			event: 'succeeded',
		});
		expect(server.stats.detail).toBe(detailsBefore);
	});

	it('starts one execution per task however often Wiro delivers it', async () => {
		server.setOptions({ callbackRepeats: 3 });
		const { callback } = await taskWithCallback('dupes');
		await receiver.next(3);
		const staticData: IDataObject = {};
		const results = [];
		for (const delivery of receiver.received) results.push(await deliver(delivery, { staticData }));
		expect(receiver.received.map((delivery) => delivery.rawBody.toString())).toEqual([
			callback.rawBody.toString(),
			callback.rawBody.toString(),
			callback.rawBody.toString(),
		]);
		expect(results.filter((result) => result.returned.workflowData).length).toBe(1);
		expect(results[1].response.body).toMatchObject({ duplicate: true });
	});

	it('filters by Trigger On: failed tasks start a run only when chosen', async () => {
		const failed = await taskWithCallback('broken #fail');
		const ignored = await deliver(failed.callback, { parameters: { triggerOn: ['succeeded'] } });
		expect(ignored.returned.workflowData).toBeUndefined();
		expect(ignored.response.body).toMatchObject({ ignored: 'failed' });
		const started = await deliver(failed.callback, { parameters: { triggerOn: ['failed'] } });
		expect(started.returned.workflowData?.[0][0].json).toMatchObject({
			event: 'failed',
			succeeded: false,
			taskId: failed.taskId,
		});
		expect(started.returned.workflowData?.[0][0].binary).toBeUndefined();
	});

	it('answers malformed and oversized bodies with a clear 4xx', async () => {
		const notJson = await deliver({ rawBody: 'this is not json' });
		expect(notJson.response.statusCode).toBe(400);
		expect(notJson.response.body).toMatchObject({ error: expect.stringMatching(/names no task/) });
		const noId = await deliver({ rawBody: JSON.stringify({ status: 'task_postprocess_end' }) });
		expect(noId.response.statusCode).toBe(400);
		const huge = await deliver({
			rawBody: JSON.stringify({ id: '1', padding: 'x'.repeat(1024 * 1024 + 10) }),
		});
		expect(huge.response.statusCode).toBe(413);
		expect(server.stats.detail).toBe(0);
	});

	it('a task whose output cannot be downloaded gets a 502 (Wiro retries) naming the URL, and no run', async () => {
		const { callback, taskId } = await taskWithCallback('file gone');
		server.makeOutputUnavailable(taskId);
		const staticData: IDataObject = {};
		const { returned, response } = await deliver(callback, { staticData });
		expect(returned.workflowData).toBeUndefined();
		expect(response.statusCode).toBe(502);
		expect(response.body).toMatchObject({
			error: expect.stringMatching(/^The task succeeded but its output could not be downloaded/),
		});
		// Not remembered as seen: Wiro's retry is tried again, not dropped as a duplicate.
		const retry = await deliver(callback, { staticData });
		expect(retry.response.statusCode).toBe(502);
		expect(retry.response.body).not.toMatchObject({ duplicate: true });
	});

	it("with verification off, fetches nothing outside Wiro's CDN: the URL is passed on and the item says why", async () => {
		const internal = new CallbackReceiver();
		await internal.start();
		try {
			const url = internal.url.replace('/callback', '/latest/meta-data/0.mp4');
			const forged = {
				id: '43',
				socketaccesstoken: 'ForgedToken43',
				status: 'task_postprocess_end',
				pexit: '0',
				outputs: [{ name: '0.mp4', url, contenttype: 'video/mp4', size: '10' }],
			};
			const { returned } = await deliver(
				{ rawBody: JSON.stringify(forged) },
				{ parameters: { verify: false } },
			);
			const [[item]] = returned.workflowData!;
			expect(item.binary).toBeUndefined();
			expect(item.json).toMatchObject({ verified: false, taskId: '43', outputUrls: [url] });
			expect(item.json.notDownloaded).toEqual([
				{ name: '0.mp4', url, reason: expect.stringMatching(/not on Wiro's CDN/) },
			]);
			expect(internal.received).toHaveLength(0);
		} finally {
			await internal.stop();
		}
	});

	it("with verification on, downloads what Task/Detail names, wherever the credential's Base URL serves it", async () => {
		const { callback, taskId } = await taskWithCallback('verified download');
		const { returned } = await deliver(callback);
		const [[item]] = returned.workflowData!;
		expect(item.json.notDownloaded).toBeUndefined();
		expect(
			(await binaryToBuffer(item.binary!.data)).equals(
				expectedOutputBytes(server.getTask(taskId)!.uuid, 20_000),
			),
		).toBe(true);
	});
});

describe('isWiroCdnUrl: what an unverified callback may make n8n download', () => {
	it.each([
		'https://cdn1.wiro.ai/outputs/0.mp4',
		'https://wiro.ai/files/0.mp4',
		'https://CDN.Wiro.AI/a/b.mp4',
		'https://a.b.wiro.ai/x?y=1',
	])('allows %s', (url) => expect(isWiroCdnUrl(url)).toBe(true));

	it.each([
		'http://cdn1.wiro.ai/0.mp4',
		'https://wiro.ai.example.com/0.mp4',
		'https://evilwiro.ai/0.mp4',
		'https://wiro.ai./0.mp4',
		'https://cdn1.wiro.ai:8443/0.mp4',
		'https://user:secret@cdn1.wiro.ai/0.mp4',
		'https://127.0.0.1/0.mp4',
		'https://169.254.169.254/latest/meta-data',
		'https://[::1]/0.mp4',
		'file:///etc/passwd',
		'ftp://cdn1.wiro.ai/0.mp4',
		'//cdn1.wiro.ai/0.mp4',
		'not a url',
		'',
	])('refuses %s', (url) => expect(isWiroCdnUrl(url)).toBe(false));
});
