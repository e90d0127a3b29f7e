/**
 * The package in a real n8n (2.41.1 unless N8N_WIRO_N8N_VERSION says otherwise), headless, against
 * the repo's local Wiro-compatible server. Every case reads back what n8n itself stored: the
 * execution's run data (from `n8n execute` or the public API) and the binary files it wrote.
 */
import { randomUUID } from 'node:crypto';
import {
	ensureN8n,
	type N8nInstance,
	type PublicExecution,
	type WorkflowToImport,
} from '../dev/n8n';
import {
	copyWorkflow,
	feedPrompts,
	loadAllExamples,
	loadExample,
	patchNode,
	pointAtN8n,
	prepareWiroN8n,
	startWithWebhook,
	wiroCredential,
} from '../dev/n8n/wiro';
import { expectVideoItem, itemsOf, taskOf } from './support/videoItems';
import { log, MINUTE, SETUP_TIMEOUT_MS } from './support/suiteSetup';
import { WiroServer } from '../dev/wiro-server';

jest.setTimeout(3 * MINUTE);

const TRIGGER_WORKFLOW_ID = 'WiroExTrigger001';
const TRIGGER_WEBHOOK_PATH = '3f6b2a8e-9c1d-4e57-b0a4-2d7c9e815f30/webhook';
const PAUSE_WEBHOOK_PATH = `e2e-pause-${randomUUID()}`;

/** Test-only variants of the examples: same nodes and settings, other prompts or a webhook start. */
const FIXTURE = {
	pixverseMany: 'E2ePixverseMany1',
	failingTask: 'E2eFailingTask01',
	continueOnFail: 'E2eContinueFail1',
	pauseViaWebhook: 'E2ePauseWebhook1',
};

function fixtures(): WorkflowToImport[] {
	const pixverseMany = feedPrompts(
		copyWorkflow(
			loadExample('pixverse'),
			FIXTURE.pixverseMany,
			'E2E: PixVerse, one video per prompt',
		),
		['A paper boat in the rain', 'A lantern festival at night', 'A red kite over the dunes'],
		'Generate PixVerse Video',
	);
	const failingTask = patchNode(
		copyWorkflow(loadExample('pixverse'), FIXTURE.failingTask, 'E2E: a failing task'),
		'Generate PixVerse Video',
		{
			prompt: 'A paper boat that sinks #fail',
		},
	);
	const continueOnFail = feedPrompts(
		copyWorkflow(loadExample('ltxBatch'), FIXTURE.continueOnFail, 'E2E: continue on fail'),
		['A lighthouse in a storm', 'A broken projector #fail', 'Clouds over mountains'],
		'Generate LTX Videos',
	);
	patchNode(continueOnFail, 'Generate LTX Videos', {}, { onError: 'continueRegularOutput' });
	// Long enough that the execution is seen waiting before Wiro calls back.
	const pause = patchNode(
		startWithWebhook(
			copyWorkflow(
				loadExample('pauseForCallback'),
				FIXTURE.pauseViaWebhook,
				'E2E: pause until Wiro calls back',
			),
			PAUSE_WEBHOOK_PATH,
		),
		'Generate and Pause',
		{ prompt: 'A koi pond in the rain, top-down view #duration=6000' },
	);
	return [pixverseMany, failingTask, continueOnFail, pause];
}

let wiro: WiroServer;
let n8n: N8nInstance;

beforeAll(async () => {
	const install = await ensureN8n({ log });
	wiro = new WiroServer({ taskDurationMs: 1500, outputSize: 96 * 1024 });
	await wiro.start();
	n8n = await prepareWiroN8n({
		install,
		credential: wiroCredential({
			apiKey: 'test-key',
			apiSecret: 'test-secret',
			baseUrl: wiro.baseUrl,
			socketUrl: wiro.socketUrl,
		}),
		workflows: (n8nBaseUrl) =>
			[...loadAllExamples(), ...fixtures()].map((workflow) => pointAtN8n(workflow, n8nBaseUrl)),
		publish: [TRIGGER_WORKFLOW_ID, FIXTURE.pauseViaWebhook],
		log,
	});
	await n8n.start();
	await n8n.setupOwnerAndApiKey();
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
	await n8n?.stop();
	await wiro?.stop();
});

function executionsOf(
	workflowId: string,
	status?: 'success' | 'waiting' | 'error',
): Promise<PublicExecution[]> {
	return n8n.listExecutions({ workflowId, status, includeData: true });
}

describe('the package in n8n', () => {
	test('loads: both node types and the credential type are registered', async () => {
		const types = await n8n.getNodeTypes();
		expect(types.nodes).toEqual(
			expect.arrayContaining(['n8n-nodes-wiro.wiro', 'n8n-nodes-wiro.wiroTrigger']),
		);
		expect(types.credentials).toContain('wiroApi');

		const wiroNode = types.nodeDescriptions.get('n8n-nodes-wiro.wiro');
		const properties = Array.isArray(wiroNode?.['properties'])
			? (wiroNode['properties'] as Array<Record<string, unknown>>)
			: [];
		const model = properties.find((property) => property['name'] === 'model');
		const slugs = Array.isArray(model?.['options'])
			? (model['options'] as Array<Record<string, unknown>>).map((option) => option['value'])
			: [];
		expect(slugs).toEqual(
			expect.arrayContaining(['PixVerse/text-to-video-v5', 'wiroai/LTX-Video-Text2Video']),
		);
		expect(types.nodeDescriptions.get('n8n-nodes-wiro.wiroTrigger')?.['group']).toEqual([
			'trigger',
		]);
	});

	test('the credential test passes with the right secret and fails with a wrong one', async () => {
		const good = wiroCredential({
			apiKey: 'test-key',
			apiSecret: 'test-secret',
			baseUrl: wiro.baseUrl,
			socketUrl: wiro.socketUrl,
		});
		await expect(n8n.testCredential(good)).resolves.toMatchObject({ status: 'OK' });

		const badSecret = await n8n.testCredential(
			wiroCredential({ apiKey: 'test-key', apiSecret: 'not-the-secret', baseUrl: wiro.baseUrl }),
		);
		expect(badSecret.status).toBe('Error');
		expect(badSecret.message).not.toBe('');

		const keyOnly = wiroCredential({ apiKey: 'key-only', baseUrl: wiro.baseUrl });
		await expect(n8n.testCredential(keyOnly)).resolves.toMatchObject({ status: 'OK' });
	});
});

describe('Video → Generate', () => {
	test('PixVerse example: one item with the video', async () => {
		const run = await n8n.execute('WiroExPixverse01');
		expect(run.status).toBe('success');
		const items = itemsOf(run, 'Generate PixVerse Video');
		expect(items).toHaveLength(1);
		expect(items[0]?.json).toMatchObject({
			model: 'PixVerse/text-to-video-v5',
			status: 'task_postprocess_end',
		});
		expect(taskOf(items[0]!)['parameters']).toMatchObject({ aspectRatio: '9:16', quality: '540p' });
		await expectVideoItem(n8n, items[0]!);
	});

	test('PixVerse with three items: one item each, in order, each with its own video', async () => {
		const run = await n8n.execute(FIXTURE.pixverseMany);
		expect(run.status).toBe('success');
		const items = itemsOf(run, 'Generate PixVerse Video');
		expect(items.map((item) => taskOf(item)['parameters'])).toEqual([
			expect.objectContaining({ prompt: 'A paper boat in the rain' }),
			expect.objectContaining({ prompt: 'A lantern festival at night' }),
			expect.objectContaining({ prompt: 'A red kite over the dunes' }),
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const videos = await Promise.all(items.map((item) => expectVideoItem(n8n, item)));
		expect(new Set(videos.map((video) => video.taskId)).size).toBe(3);
	});

	test('LTX-Video batch example: three prompts, three videos', async () => {
		const run = await n8n.execute('WiroExLtxBatch01');
		expect(run.status).toBe('success');
		const items = itemsOf(run, 'Generate LTX Videos');
		expect(items).toHaveLength(3);
		for (const item of items) {
			expect(item.json['model']).toBe('wiroai/LTX-Video-Text2Video');
			expect(taskOf(item)['parameters']).toMatchObject({ width: 512, height: 512, numFrames: 97 });
		}
		const videos = await Promise.all(items.map((item) => expectVideoItem(n8n, item)));
		expect(new Set(videos.map((video) => video.taskId)).size).toBe(3);
	});

	test('Other Model example (any Wiro model, fields from Wiro): one item with the video', async () => {
		const run = await n8n.execute('WiroExOtherModel');
		expect(run.status).toBe('success');
		const items = itemsOf(run, 'Animate Image');
		expect(items).toHaveLength(1);
		expect(items[0]?.json['model']).toBe('wiroai/Image-To-Video-Demo');
		await expectVideoItem(n8n, items[0]!);
	});

	test('a failing task fails the execution with a clear error', async () => {
		const run = await n8n.execute(FIXTURE.failingTask);
		expect(run.status).toBe('error');
		expect(run.error).toMatchObject({
			message: expect.stringMatching(/^The Wiro task failed \(exit code 1\)/),
		});
		expect(String(run.error?.['description'])).toMatch(/does not bill failed tasks/);
		expect(JSON.stringify(run.error?.['node'] ?? run.lastNodeExecuted)).toContain(
			'Generate PixVerse Video',
		);
	});

	test('continueOnFail: the failing item becomes an error item and the others keep their videos', async () => {
		const run = await n8n.execute(FIXTURE.continueOnFail);
		expect(run.status).toBe('success');
		const items = itemsOf(run, 'Generate LTX Videos');
		expect(items).toHaveLength(3);
		expect(items[1]?.json).toMatchObject({
			error: expect.stringMatching(/^The Wiro task failed/),
			taskId: expect.any(String),
			taskToken: expect.any(String),
		});
		expect(items[1]?.binary).toBeUndefined();
		await expectVideoItem(n8n, items[0]!);
		await expectVideoItem(n8n, items[2]!);
	});
});

describe('Task operations', () => {
	test('fire-and-forget example: Generate returns the task at once, Task → Wait returns its video', async () => {
		const run = await n8n.execute('WiroExStartWait1');
		expect(run.status).toBe('success');
		const [started] = itemsOf(run, 'Start Video Task');
		expect(started?.json).toMatchObject({
			taskId: expect.any(String),
			taskToken: expect.any(String),
			finished: false,
		});
		expect(started?.binary).toBeUndefined();
		const [waited] = itemsOf(run, 'Wait for Video');
		expect(waited?.json['taskId']).toBe(started?.json['taskId']);
		await expectVideoItem(n8n, waited!);
	});
});

describe('callbacks', () => {
	test("the suites' webhook wait tells a registered webhook from a missing one", async () => {
		await n8n.waitForWebhook(TRIGGER_WEBHOOK_PATH);
		await expect(n8n.waitForWebhook(TRIGGER_WEBHOOK_PATH, 'PUT', 1_000)).rejects.toThrow(
			/n8n serving PUT .*: not ready after/,
		);
		await expect(
			n8n.waitForWebhook(`not-published-${randomUUID()}`, 'POST', 1_000),
		).rejects.toThrow(/n8n serving POST .*: not ready after/);
	});

	test('Wiro Trigger: a real callback from Wiro starts one execution holding the verified task', async () => {
		await n8n.waitForWebhook(TRIGGER_WEBHOOK_PATH);
		const run = await n8n.execute('WiroExCallbackUrl');
		expect(run.status).toBe('success');
		const [started] = itemsOf(run, 'Start Video Task');
		const taskId = String(started?.json['taskId']);
		expect(wiro.getTask(taskId)?.callbackurl).toBe(n8n.webhookUrl(TRIGGER_WEBHOOK_PATH));

		const execution = await n8n.waitForExecution(
			(candidate) =>
				candidate.status === 'success' &&
				JSON.stringify(candidate.result?.runData['Wiro Trigger'] ?? []).includes(
					`"taskId":"${taskId}"`,
				),
			60_000,
			{ workflowId: TRIGGER_WORKFLOW_ID, includeData: true },
		);
		expect(execution.mode).toBe('webhook');
		const [triggered] = itemsOf(execution.result!, 'Wiro Trigger');
		expect(triggered?.json).toMatchObject({ taskId, succeeded: true });
		await expectVideoItem(n8n, triggered!);
		expect(itemsOf(execution.result!, 'Video Ready')).toHaveLength(1);

		// Wiro retries callbacks: the same task again starts no second execution.
		const task = wiro.getTask(taskId);
		const again = await fetch(n8n.webhookUrl(TRIGGER_WEBHOOK_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ result: true, errors: [], total: '1', tasklist: [task] }),
		});
		expect(again.status).toBeLessThan(500);
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		const forTask = (await executionsOf(TRIGGER_WORKFLOW_ID)).filter((candidate) =>
			JSON.stringify(candidate.result?.runData['Wiro Trigger'] ?? []).includes(
				`"taskId":"${taskId}"`,
			),
		);
		expect(forTask).toHaveLength(1);
	});

	test('Pause Until Wiro Calls Back: the execution waits, Wiro calls the resume URL, it finishes with the video', async () => {
		const tasksBefore = new Set(wiro.tasks().map((task) => task.id));
		await n8n.waitForWebhook(PAUSE_WEBHOOK_PATH);
		const started = await fetch(n8n.webhookUrl(PAUSE_WEBHOOK_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		expect(started.status).toBe(200);

		const waiting = await n8n.waitForExecution(
			(candidate) => candidate.status === 'waiting',
			30_000,
			{
				workflowId: FIXTURE.pauseViaWebhook,
				includeData: true,
			},
		);
		const task = wiro.tasks().find((candidate) => !tasksBefore.has(candidate.id));
		if (!task) throw new Error('The paused execution started no Wiro task');
		// The callback URL is this execution's signed resume URL on the n8n server.
		expect(task.callbackurl).toMatch(
			new RegExp(`^${n8n.baseUrl}webhook-waiting/${waiting.id}\\?signature=`),
		);
		expect(task.status).not.toBe('task_postprocess_end');

		const done = await n8n.waitForExecution(
			(candidate) => candidate.id === waiting.id && candidate.status === 'success',
			90_000,
			{
				workflowId: FIXTURE.pauseViaWebhook,
				includeData: true,
			},
		);
		// No polling while paused: the only Task/Detail for this task is the callback's verification.
		const endedAt = wiro.taskEndedAt(task.id) ?? Infinity;
		const namesTask = (body: unknown): boolean =>
			typeof body === 'object' &&
			body !== null &&
			(('taskid' in body && body.taskid === task.id) ||
				('tasktoken' in body && body.tasktoken === task.socketaccesstoken));
		const detailsBeforeEnd = wiro.requests.filter(
			(request) =>
				request.path === '/v1/Task/Detail' && request.time < endedAt && namesTask(request.body),
		);
		expect(detailsBeforeEnd).toHaveLength(0);

		const [resumed] = itemsOf(done.result!, 'Generate and Pause');
		expect(resumed?.json).toMatchObject({ taskId: task.id, succeeded: true, waitedBy: 'callback' });
		await expectVideoItem(n8n, resumed!);
		expect(itemsOf(done.result!, 'Video Ready')).toHaveLength(1);
	});
});
