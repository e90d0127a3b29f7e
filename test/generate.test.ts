import { binaryToBuffer, disposeWorkflowRunner } from '../dev/workflow-runner';
import { expectedOutputBytes, WiroServer } from '../dev/wiro-server';
import { bodiesAt, NODE_NAME, runWiro } from '../dev/workflow-runner/runWiro';

const PIXVERSE = 'PixVerse/text-to-video-v5';
const LTX = 'wiroai/LTX-Video-Text2Video';

let server: WiroServer;

beforeAll(async () => {
	server = new WiroServer({ taskDurationMs: 400, outputSize: 48 * 1024 });
	await server.start();
});
afterEach(() => server.reset());
afterAll(async () => {
	await server.stop();
	await disposeWorkflowRunner();
});

describe('Video > Generate, run by n8n-core against the local Wiro server', () => {
	it('PixVerse with the seed defaults sends exactly the seed body and returns the video', async () => {
		const result = await runWiro(server, {
			parameters: { resource: 'video', operation: 'generate', model: PIXVERSE },
		});
		expect(result.status).toBe('success');

		const [body] = bodiesAt(server, `Run/${PIXVERSE}`);
		expect(Object.keys(body).sort()).toEqual(
			[
				'Watermark',
				'aspectRatio',
				'duration',
				'negativePrompt',
				'prompt',
				'quality',
				'seed',
				'style',
			].sort(),
		);
		expect(body).toMatchObject({
			negativePrompt: '',
			aspectRatio: '16:9',
			duration: '5',
			quality: '540p',
			style: '',
			seed: 0,
			Watermark: 'false',
		});
		expect(String(body.prompt)).toMatch(/^A dynamic, storybook-style illustration/);

		const [item] = result.output(NODE_NAME);
		const task = server.tasks()[0];
		expect(item.json).toMatchObject({
			taskId: task.id,
			taskToken: task.socketaccesstoken,
			model: PIXVERSE,
			status: 'task_postprocess_end',
			succeeded: true,
			outputUrls: [task.outputs[0].url],
		});
		expect(typeof item.json.cost).toBe('number');
		expect(typeof item.json.elapsedSeconds).toBe('number');
		expect(item.binary?.data).toMatchObject({
			mimeType: 'video/mp4',
			fileName: `wiro-${task.id}-0.mp4`,
		});
		expect(
			(await binaryToBuffer(item.binary!.data)).equals(expectedOutputBytes(task.uuid, 48 * 1024)),
		).toBe(true);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it("PixVerse with every field set sends them under Wiro's names and types", async () => {
		await runWiro(server, {
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: PIXVERSE,
				prompt: 'A fox in the snow',
				negativePrompt: 'text, logos',
				aspectRatio: '9:16',
				duration: '8',
				quality: '720p',
				style: 'clay',
				seed: 1234,
				watermark: 'true',
				waitMode: 'none',
				options: { callbackUrl: 'https://example.test/hook' },
			},
		});
		expect(bodiesAt(server, `Run/${PIXVERSE}`)[0]).toEqual({
			prompt: 'A fox in the snow',
			negativePrompt: 'text, logos',
			aspectRatio: '9:16',
			duration: '8',
			quality: '720p',
			style: 'clay',
			seed: 1234,
			Watermark: 'true',
			callbackUrl: 'https://example.test/hook',
		});
	});

	it('LTX-Video with the seed defaults sends numbers as numbers and the seed as a string', async () => {
		const result = await runWiro(server, {
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				options: { download: false },
			},
		});
		expect(result.status).toBe('success');
		const [body] = bodiesAt(server, `Run/${LTX}`);
		expect(body).toEqual({
			prompt: expect.stringMatching(/^A woman with long brown hair/),
			negativePrompt: 'Blurry, bad quality',
			fps: 24,
			width: 768,
			height: 768,
			numFrames: 240,
			steps: 25,
			seed: '42',
		});
		const [item] = result.output(NODE_NAME);
		expect(item.json.succeeded).toBe(true);
		expect(item.binary).toBeUndefined();
	});

	it('LTX-Video with every field set, from expressions', async () => {
		const result = await runWiro(server, {
			items: [{ idea: 'a lighthouse at dusk', frames: 48 }],
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: '={{ "Cinematic shot of " + $json.idea }}',
				negativePrompt: 'noise',
				fps: 12.5,
				width: 512,
				height: 320,
				numFrames: '={{ $json.frames }}',
				steps: 30,
				seed: '7',
				options: { binaryPropertyName: 'video' },
			},
		});
		expect(bodiesAt(server, `Run/${LTX}`)[0]).toEqual({
			prompt: 'Cinematic shot of a lighthouse at dusk',
			negativePrompt: 'noise',
			fps: 12.5,
			width: 512,
			height: 320,
			numFrames: 48,
			steps: 30,
			seed: '7',
		});
		expect(result.output(NODE_NAME)[0].binary?.video?.mimeType).toBe('video/mp4');
	});

	it('runs several items together, one task and one output item each, in input order', async () => {
		const prompts = [
			'one #duration=900',
			'two #duration=300',
			'three #duration=600',
			'four #duration=450',
			'five #duration=750',
		];
		const result = await runWiro(server, {
			items: prompts.map((prompt) => ({ prompt })),
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: '={{ $json.prompt }}',
			},
		});
		const items = result.output(NODE_NAME);
		expect(items).toHaveLength(5);
		expect(server.stats.tasksCreated).toBe(5);
		// Awaited together, not one after another: all five were running on Wiro at once.
		expect(server.stats.peakActive).toBe(5);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect((item.json.task as { parameters: { prompt: string } }).parameters.prompt).toBe(
				prompts[index],
			);
			expect(item.binary?.data).toBeDefined();
		});
	});

	it("with Don't Wait returns the started task at once and never polls", async () => {
		const result = await runWiro(server, {
			parameters: { resource: 'video', operation: 'generate', model: LTX, waitMode: 'none' },
		});
		const [item] = result.output(NODE_NAME);
		const task = server.tasks()[0];
		expect(item.json).toEqual({
			taskId: task.id,
			taskToken: task.socketaccesstoken,
			model: LTX,
			status: 'task_queue',
			finished: false,
			succeeded: false,
		});
		expect(server.stats.detail).toBe(0);
	});

	it('signs every request afresh, polls included, and works in API-key-only mode', async () => {
		await runWiro(server, {
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				prompt: 'p #duration=1500',
				options: { download: false },
			},
		});
		const nonces = server.requests
			.filter((request) => request.path.startsWith('/v1/'))
			.map((request) => request.headers['x-nonce']);
		expect(nonces.length).toBeGreaterThan(2);
		expect(new Set(nonces).size).toBe(nonces.length);

		server.reset();
		const result = await runWiro(server, {
			credentials: { authentication: 'apiKey', apiKey: 'key-only', baseUrl: server.baseUrl },
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: LTX,
				options: { download: false },
			},
		});
		expect(result.output(NODE_NAME)[0].json.succeeded).toBe(true);
		expect(server.requests.every((request) => request.headers['x-signature'] === undefined)).toBe(
			true,
		);
	});
});
