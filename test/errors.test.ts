import { disposeWorkflowRunner } from '../dev/workflow-runner';
import { WiroServer } from '../dev/wiro-server';
import {
	NODE_NAME,
	runWiro,
	SIGNATURE_KEY,
	SIGNATURE_SECRET,
} from '../dev/workflow-runner/runWiro';

const PIXVERSE = 'PixVerse/text-to-video-v5';
const LTX = 'wiroai/LTX-Video-Text2Video';

let server: WiroServer;

beforeAll(async () => {
	server = new WiroServer({ taskDurationMs: 300 });
	await server.start();
});
afterEach(() => server.reset());
afterAll(async () => {
	await server.stop();
	await disposeWorkflowRunner();
});

describe('bad input is refused before anything is sent, naming the field', () => {
	it.each([
		[
			'an empty prompt',
			{ model: LTX, prompt: '   ' },
			/'Prompt' is empty/,
			/Enter a value for 'Prompt'/,
		],
		[
			'PixVerse 1080p with 8 s',
			{ model: PIXVERSE, quality: '1080p', duration: '8' },
			/cannot make an 8-second video in 1080p/,
			/Duration/,
		],
		[
			'a number out of range',
			{ model: LTX, width: 5000 },
			/'Width' must be a whole number from 64 to 1920, got 5000/,
			/between 64 and 1920/,
		],
		[
			'a number that is not a number',
			{ model: LTX, fps: '={{ "fast" }}' },
			/'FPS' must be a number, got "fast"/,
			/Enter a number for 'FPS'/,
		],
		[
			'a fractional frame count',
			{ model: LTX, numFrames: 10.5 },
			/'Number of Frames' must be a whole number/,
			/Number of Frames/,
		],
		[
			'a negative PixVerse seed',
			{ model: PIXVERSE, seed: -1 },
			/'Seed' must be a whole number from 0/,
			/Seed/,
		],
	])('%s', async (_case, parameters, message, description) => {
		const result = await runWiro(server, {
			parameters: { resource: 'video', operation: 'generate', ...parameters },
		});
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(description);
		expect(server.stats.run).toBe(0);
	});
});

describe('errors from Wiro, in words', () => {
	it('a wrong secret is reported as a credential problem, without the secret', async () => {
		const result = await runWiro(server, {
			credentials: {
				authentication: 'signature',
				apiKey: SIGNATURE_KEY,
				apiSecret: 'wrong-secret',
				baseUrl: server.baseUrl,
			},
			parameters: { resource: 'video', operation: 'generate', model: LTX },
		});
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toBe('Wiro refused the credentials: Project authorization is not valid.');
		expect(error.description).toMatch(/Check the API key and secret/);
		expect(JSON.stringify(result.runExecutionData)).not.toContain('wrong-secret');
	});

	it('an unknown key and a key-only call to a signature project each say what Wiro said', async () => {
		const unknown = await runWiro(server, {
			credentials: {
				authentication: 'signature',
				apiKey: 'nobody',
				apiSecret: 'x',
				baseUrl: server.baseUrl,
			},
			parameters: { resource: 'task', operation: 'get', task: '1' },
		});
		expect(unknown.nodeError(NODE_NAME)?.message).toBe(
			'Wiro refused the credentials: Project authorization is not founded.',
		);
		const keyOnly = await runWiro(server, {
			credentials: { authentication: 'apiKey', apiKey: SIGNATURE_KEY, baseUrl: server.baseUrl },
			parameters: { resource: 'task', operation: 'get', task: '1' },
		});
		expect(keyOnly.nodeError(NODE_NAME)?.message).toMatch(/requires signature authentication/);
	});

	it('a wrong base URL says to check it', async () => {
		const result = await runWiro(server, {
			credentials: {
				authentication: 'signature',
				apiKey: SIGNATURE_KEY,
				apiSecret: SIGNATURE_SECRET,
				baseUrl: `${server.origin}/v2`,
			},
			parameters: { resource: 'task', operation: 'get', task: '1' },
		});
		expect(result.nodeError(NODE_NAME)?.description).toMatch(/Base URL/);
	});

	it('continueOnFail turns a failing item into an error item (with its task) while the others go on', async () => {
		const result = await runWiro(server, {
			continueOnFail: true,
			items: [
				{ prompt: 'fine' },
				{ prompt: 'broken #fail' },
				{ prompt: '' },
				{ prompt: 'fine too' },
			],
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: '={{ $json.prompt }}',
				options: { download: false },
			},
		});
		expect(result.status).toBe('success');
		const items = result.output(NODE_NAME);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[0].json.succeeded).toBe(true);
		expect(items[3].json.succeeded).toBe(true);
		const failed = server.tasks().find((task) => String(task.parameters.prompt).includes('#fail'))!;
		expect(items[1].json).toMatchObject({ taskId: failed.id, taskToken: failed.socketaccesstoken });
		expect(items[1].json.error).toMatch(/^The Wiro task failed/);
		expect(items[2].json.error).toMatch(/'Prompt' is empty/);
		expect(server.stats.tasksCreated).toBe(3);
	});

	it('without continueOnFail the error carries the item index, and the other items are stopped, not left running', async () => {
		const result = await runWiro(server, {
			items: [{ prompt: 'slow #duration=5000' }, { prompt: 'broken #fail #duration=300' }],
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: '={{ $json.prompt }}',
				options: { download: false },
			},
		});
		expect(result.nodeError(NODE_NAME)?.context.itemIndex).toBe(1);
		const slow = server.tasks().find((task) => String(task.parameters.prompt).startsWith('slow'))!;
		expect(slow.status).toBe('task_cancel');
	});

	it('never shows the API key or secret in outputs or errors', async () => {
		const secretive = new WiroServer({
			taskDurationMs: 300,
			projects: [
				{ apiKey: 'KEY-d2f1c9a0b7e64e11', apiSecret: 'SECRET-91ab77cc03fe4d2b', mode: 'signature' },
			],
		});
		await secretive.start();
		try {
			const credentials = {
				authentication: 'signature',
				apiKey: 'KEY-d2f1c9a0b7e64e11',
				apiSecret: 'SECRET-91ab77cc03fe4d2b',
				baseUrl: secretive.baseUrl,
			};
			const runs = [
				await runWiro(secretive, {
					credentials,
					parameters: {
						resource: 'video',
						operation: 'generate',
						model: LTX,
						options: { download: false },
					},
				}),
				await runWiro(secretive, {
					credentials,
					parameters: { resource: 'video', operation: 'generate', model: LTX, prompt: 'x #fail' },
				}),
				await runWiro(secretive, {
					credentials,
					continueOnFail: true,
					parameters: { resource: 'task', operation: 'get', task: '123' },
				}),
				await runWiro(secretive, {
					credentials: { ...credentials, baseUrl: 'http://127.0.0.1:1/v1' },
					parameters: { resource: 'task', operation: 'get', task: '123' },
				}),
			];
			for (const run of runs) {
				const everything = JSON.stringify(run.runExecutionData) + JSON.stringify(run.error ?? {});
				expect(everything).not.toContain('KEY-d2f1c9a0b7e64e11');
				expect(everything).not.toContain('SECRET-91ab77cc03fe4d2b');
			}
		} finally {
			await secretive.stop();
		}
	});
});

// The workflow runner hands back what n8n keeps of an error (a copy without its class): its name says which it was.
describe('typed errors', () => {
	it("a Wiro refusal is a WiroApiError built from Wiro's answer: its code, message, HTTP status and body", async () => {
		const result = await runWiro(server, {
			parameters: {
				resource: 'task',
				operation: 'get',
				task: { __rl: true, mode: 'id', value: '999999' },
			},
		});
		const error = result.nodeError(NODE_NAME);
		expect(error).toMatchObject({
			name: 'WiroApiError',
			httpCode: '200',
			errorResponse: { result: false, errors: [{ code: 1, message: 'There is no task yet.' }] },
			context: {
				itemIndex: 0,
				wiro: {
					endpoint: 'Task/Detail',
					httpStatus: 200,
					code: 1,
					message: 'There is no task yet.',
				},
			},
		});
	});

	it("an HTTP refusal keeps its status and Wiro's message", async () => {
		const result = await runWiro(server, {
			credentials: {
				authentication: 'signature',
				apiKey: SIGNATURE_KEY,
				apiSecret: 'wrong-secret',
				baseUrl: server.baseUrl,
			},
			parameters: { resource: 'task', operation: 'get', task: '1' },
		});
		expect(result.nodeError(NODE_NAME)).toMatchObject({
			name: 'WiroApiError',
			httpCode: '401',
			context: {
				wiro: {
					endpoint: 'Task/Detail',
					httpStatus: 401,
					code: 0,
					message: 'Project authorization is not valid.',
				},
			},
		});
	});

	it('a timeout is a NodeOperationError that names the item and the task', async () => {
		const result = await runWiro(server, {
			items: [{ prompt: 'quick #duration=100' }, { prompt: 'too slow #duration=10000' }],
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: '={{ $json.prompt }}',
				options: { download: false, timeout: 1 },
			},
		});
		const slow = server
			.tasks()
			.find((task) => String(task.parameters.prompt).startsWith('too slow'))!;
		const error = result.nodeError(NODE_NAME);
		expect(error).toMatchObject({
			name: 'WiroTaskError',
			context: { itemIndex: 1, task: { taskId: slow.id, taskToken: slow.socketaccesstoken } },
		});
		expect(error).not.toHaveProperty('httpCode');
	});

	it('a local check is a NodeOperationError with the item index, and nothing is sent', async () => {
		const result = await runWiro(server, {
			items: [{ prompt: 'fine' }, { prompt: '   ' }],
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: '={{ $json.prompt }}',
				options: { download: false },
			},
		});
		expect(result.nodeError(NODE_NAME)).toMatchObject({
			name: 'NodeOperationError',
			context: { itemIndex: 1 },
		});
	});
});
