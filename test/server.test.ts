import { createHash } from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import {
	expectedOutputBytes,
	LIFECYCLE,
	MODELS,
	outputDigest,
	outputFileUrl,
	waitFor,
	wiroSignature,
	WiroServer,
	type Task,
} from '../dev/wiro-server';

interface WiroBody {
	result?: boolean;
	errors?: Array<{ code: number; message: string }>;
	taskid?: string;
	socketaccesstoken?: string;
	tasklist?: Task[];
	total?: string;
	tool?: Array<Record<string, unknown>>;
}

let nonceCounter = 0;
const uniqueNonce = (): string => `${Date.now()}${String(nonceCounter++).padStart(6, '0')}`;

function signedHeaders(apiKey = 'test-key', apiSecret = 'test-secret'): Record<string, string> {
	const nonce = uniqueNonce();
	return {
		'x-api-key': apiKey,
		'x-nonce': nonce,
		'x-signature': wiroSignature(apiKey, apiSecret, nonce),
	};
}

async function call(
	server: WiroServer,
	path: string,
	body: Record<string, unknown> = {},
	headers: Record<string, string> = signedHeaders(),
): Promise<{ status: number; body: WiroBody }> {
	const response = await fetch(`${server.baseUrl}/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as WiroBody };
}

const keyOnly = { 'x-api-key': 'key-only' };

async function run(
	server: WiroServer,
	prompt: string,
	extra: Record<string, unknown> = {},
): Promise<WiroBody> {
	const answer = await call(server, 'Run/PixVerse/text-to-video-v5', { prompt, ...extra }, keyOnly);
	expect(answer.body.result).toBe(true);
	return answer.body;
}

async function detail(server: WiroServer, key: Record<string, string>): Promise<Task> {
	const answer = await call(server, 'Task/Detail', key, keyOnly);
	expect(answer.body).toMatchObject({ total: '1', errors: [], result: true });
	return (answer.body.tasklist ?? [])[0];
}

async function pollUntilTerminal(
	server: WiroServer,
	taskid: string,
): Promise<{ task: Task; seen: string[] }> {
	const seen: string[] = [];
	for (;;) {
		const task = await detail(server, { taskid });
		if (seen[seen.length - 1] !== task.status) seen.push(task.status);
		if (task.status === 'task_postprocess_end' || task.status === 'task_cancel')
			return { task, seen };
		await new Promise((resolve) => setTimeout(resolve, 15));
	}
}

function errorOf(body: WiroBody): { code: number; message: string } {
	expect(body.result).toBe(false);
	return (body.errors ?? [])[0];
}

describe('local Wiro server', () => {
	const server = new WiroServer({ taskDurationMs: 300, outputSize: 200_000 });

	beforeAll(() => server.start());
	afterAll(() => server.stop());
	beforeEach(() => {
		server.setFaults({});
		server.setOptions({ callbackShape: 'detail', callbackRepeats: 1 });
		server.reset();
	});

	describe('authentication', () => {
		it('accepts a correct signature and an api-key-only project', async () => {
			expect((await call(server, 'Tool/List')).body.result).toBe(true);
			expect((await call(server, 'Tool/List', {}, keyOnly)).body.result).toBe(true);
		});

		it.each([
			['no key', {}, 'Project authorization is not founded.'],
			['an unknown key', { 'x-api-key': 'nope' }, 'Project authorization is not founded.'],
			[
				'a signature project without nonce and signature',
				{ 'x-api-key': 'test-key' },
				'Project requires signature authentication. x-signature and x-nonce headers are required.',
			],
			[
				'a wrong signature',
				{
					'x-api-key': 'test-key',
					'x-nonce': '1',
					'x-signature': wiroSignature('test-key', 'wrong', '1'),
				},
				'Project authorization is not valid.',
			],
		])('answers 401 for %s', async (_case, headers, message) => {
			const answer = await call(server, 'Tool/List', {}, headers);
			expect(answer.status).toBe(401);
			expect(answer.body).toEqual({ result: false, errors: [{ code: 0, message }] });
		});

		it('refuses a nonce used before', async () => {
			const headers = signedHeaders();
			expect((await call(server, 'Tool/List', {}, headers)).status).toBe(200);
			const replay = await call(server, 'Tool/List', {}, headers);
			expect(replay.status).toBe(401);
			expect(errorOf(replay.body).message).toBe('Project authorization is not valid.');
		});

		it('answers 404 for an unknown endpoint', async () => {
			const answer = await call(server, 'Task/Nothing');
			expect(answer.status).toBe(404);
			expect(answer.body).toEqual({
				result: false,
				errors: [{ code: 0, message: 'Error parsing url.' }],
			});
		});
	});

	describe('Run validation', () => {
		it.each([
			['PixVerse/text-to-video-v5', {}, 'Request parameter [prompt] required'],
			['PixVerse/text-to-video-v5', { prompt: '  ' }, 'Request parameter [prompt] required'],
			[
				'PixVerse/text-to-video-v5',
				{ prompt: 'a', aspectRatio: '2:1' },
				'Request parameter [aspectRatio] must be one of: 16:9, 4:3, 1:1, 3:4, 9:16',
			],
			[
				'PixVerse/text-to-video-v5',
				{ prompt: 'a', quality: '1080p', duration: 8 },
				'Request parameter [duration] must be 5 when quality is 1080p',
			],
			[
				'PixVerse/text-to-video-v5',
				{ prompt: 'a', seed: 'x' },
				'Request parameter [seed] must be integer or float',
			],
			[
				'PixVerse/text-to-video-v5',
				{ prompt: 'a', Watermark: 'yes' },
				'Request parameter [Watermark] must be one of: false, true',
			],
			[
				'wiroai/LTX-Video-Text2Video',
				{ prompt: 'a', fps: 'fast' },
				'Request parameter [fps] must be integer or float',
			],
			[
				'wiroai/LTX-Video-Text2Video',
				{ prompt: 'a', width: 5000 },
				'Request parameter [width] must be between 64 and 1920',
			],
			[
				'wiroai/LTX-Video-Text2Video',
				{ prompt: 'a', steps: 0 },
				'Request parameter [steps] must be between 1 and 100',
			],
			['wiroai/Image-To-Video-Demo', { prompt: 'a' }, 'Request parameter [inputImage] required'],
			[
				'wiroai/Image-To-Video-Demo',
				{ inputImageUrl: 'https://x.test/a.png', motion: 2 },
				'Request parameter [motion] must be between 0 and 1',
			],
		])('%s %j → %s', async (model, body, message) => {
			expect(errorOf((await call(server, `Run/${model}`, body)).body)).toEqual({
				code: 0,
				message,
			});
			expect(server.stats.tasksCreated).toBe(0);
		});

		it('refuses an unknown model with code 1', async () => {
			expect(errorOf((await call(server, 'Run/someone/nothing', { prompt: 'a' })).body)).toEqual({
				code: 1,
				message: 'slug-owner-project-not-exist',
			});
		});

		it('accepts the seed examples and stores the parameters without callbackUrl', async () => {
			const pix = {
				prompt: 'rabbit',
				negativePrompt: '',
				aspectRatio: '16:9',
				duration: '5',
				quality: '540p',
				style: '',
				seed: 0,
				Watermark: 'false',
			};
			const answer = await call(server, 'Run/PixVerse/text-to-video-v5', {
				...pix,
				callbackUrl: 'http://127.0.0.1:1/cb',
			});
			expect(answer.body.result).toBe(true);
			expect(answer.body.taskid).toMatch(/^\d+$/);
			expect(answer.body.socketaccesstoken).toMatch(/^[A-Za-z0-9]{30}$/);
			const task = server.getTask(answer.body.taskid ?? '');
			expect(task?.parameters).toEqual(pix);
			expect(task?.callbackurl).toBe('http://127.0.0.1:1/cb');
			const ltx = {
				prompt: 'woman',
				negativePrompt: 'Blurry, bad quality',
				fps: 24,
				width: 768,
				height: 768,
				numFrames: 240,
				steps: 25,
				seed: '42',
			};
			expect((await call(server, 'Run/wiroai/LTX-Video-Text2Video', ltx)).body.result).toBe(true);
		});

		it('accepts form-urlencoded and multipart bodies, with a file input', async () => {
			const form = await fetch(`${server.baseUrl}/Run/wiroai/LTX-Video-Text2Video`, {
				method: 'POST',
				headers: keyOnly,
				body: new URLSearchParams({ prompt: 'p', fps: '30' }),
			});
			expect(((await form.json()) as WiroBody).result).toBe(true);

			const multipart = new FormData();
			multipart.append('prompt', 'wave');
			multipart.append(
				'inputImage',
				new Blob([Buffer.from('PNGDATA')], { type: 'image/png' }),
				'cat.png',
			);
			const upload = await fetch(`${server.baseUrl}/Run/wiroai/Image-To-Video-Demo`, {
				method: 'POST',
				headers: keyOnly,
				body: multipart,
			});
			const answer = (await upload.json()) as WiroBody;
			expect(answer.result).toBe(true);
			expect(server.requests[1].body).toEqual({
				prompt: 'wave',
				inputImage: { filename: 'cat.png', contentType: 'image/png', size: 7 },
			});
			const imageUrl = server.getTask(answer.taskid ?? '')?.parameters.inputImage;
			expect(typeof imageUrl).toBe('string');
			const image = await fetch(String(imageUrl));
			expect(Buffer.from(await image.arrayBuffer()).toString()).toBe('PNGDATA');
		});
	});

	it('refuses runs over the concurrency limit with code 96', async () => {
		const limited = new WiroServer({
			projects: [{ apiKey: 'k', mode: 'apiKey', concurrencyLimit: 1 }],
			taskDurationMs: 5000,
		});
		await limited.start();
		try {
			const body = { prompt: 'a' };
			const first = await call(limited, 'Run/PixVerse/text-to-video-v5', body, {
				'x-api-key': 'k',
			});
			expect(first.body.result).toBe(true);
			const second = await call(limited, 'Run/PixVerse/text-to-video-v5', body, {
				'x-api-key': 'k',
			});
			expect(errorOf(second.body)).toEqual({
				code: 96,
				message:
					'You have reached your concurrent task limit. With your current balance, you can run up to 1 tasks at the same time.',
			});
			expect(limited.stats).toMatchObject({ rejected96: 1, tasksCreated: 1, peakActive: 1 });
			limited.finishTask(first.body.taskid ?? '', 'success');
			expect(
				(await call(limited, 'Run/PixVerse/text-to-video-v5', body, { 'x-api-key': 'k' })).body
					.result,
			).toBe(true);
		} finally {
			await limited.stop();
		}
	});

	describe('task lifecycle', () => {
		it('walks the statuses in order and ends on time with a downloadable video', async () => {
			const created = await run(server, 'a fox #duration=600');
			const { task, seen } = await pollUntilTerminal(server, created.taskid ?? '');
			const order = seen.map((status) => LIFECYCLE.indexOf(status as (typeof LIFECYCLE)[number]));
			expect(order).toEqual([...order].sort((a, b) => a - b));
			expect(seen.length).toBeGreaterThanOrEqual(2); // more when the machine is idle
			// Planned end: 600 ms after creation, which lies between the Run's arrival and the first Detail's.
			const [runAt, firstDetailAt] = server.requests.map((request) => request.time);
			const endedAt = server.taskEndedAt(task.id) ?? 0;
			expect(endedAt).toBeGreaterThanOrEqual(runAt + 600);
			expect(endedAt).toBeLessThanOrEqual(firstDetailAt + 600);

			expect(task).toMatchObject({
				status: 'task_postprocess_end',
				pexit: '0',
				totalcost: '0.120000000000',
				size: '200000',
			});
			expect(
				Object.values(task).filter(
					(value) => typeof value !== 'string' && typeof value !== 'object',
				),
			).toEqual([]);
			const [output] = task.outputs;
			expect(output).toMatchObject({
				name: '0.mp4',
				contenttype: 'video/mp4',
				size: '200000',
				uuid: task.uuid,
			});
			expect(output.url).toBe(`${server.origin}/files/${task.uuid}/0.mp4`);

			const byToken = await detail(server, { tasktoken: created.socketaccesstoken ?? '' });
			expect(byToken.id).toBe(task.id);

			const download = await fetch(outputFileUrl(task));
			expect(download.headers.get('content-type')).toBe('video/mp4');
			expect(download.headers.get('content-length')).toBe('200000');
			const bytes = Buffer.from(await download.arrayBuffer());
			expect(bytes.equals(expectedOutputBytes(task.uuid, 200_000))).toBe(true);
			expect(bytes.subarray(4, 8).toString()).toBe('ftyp');
		});

		it('streams a large output whose digest matches', async () => {
			const created = await run(server, '#size=5000000 #duration=0');
			const task = (await pollUntilTerminal(server, created.taskid ?? '')).task;
			const download = await fetch(outputFileUrl(task));
			const hash = createHash('sha256');
			for await (const chunk of download.body ?? []) hash.update(chunk as Uint8Array);
			expect(hash.digest('hex')).toBe(outputDigest(task.uuid, 5_000_000));
		});

		it('fails a #fail task without outputs or cost', async () => {
			const created = await run(server, 'boom #fail #duration=50');
			const { task } = await pollUntilTerminal(server, created.taskid ?? '');
			expect(task).toMatchObject({
				status: 'task_postprocess_end',
				pexit: '1',
				outputs: [],
				totalcost: '0',
			});
			expect(task.debugerror).not.toBe('');
		});

		it('answers "There is no task yet." for an unknown task', async () => {
			expect(errorOf((await call(server, 'Task/Detail', { taskid: '1' })).body)).toEqual({
				code: 1,
				message: 'There is no task yet.',
			});
		});
	});

	describe('Cancel, Kill and InputOutputDelete', () => {
		it('cancels only a queued task', async () => {
			const queued = await run(server, 'wait #queue=2000');
			const cancelled = await call(
				server,
				'Task/Cancel',
				{ tasktoken: queued.socketaccesstoken },
				keyOnly,
			);
			expect(cancelled.body.result).toBe(true);
			expect(cancelled.body.tasklist?.[0].status).toBe('task_cancel');
			expect(
				errorOf((await call(server, 'Task/Cancel', { taskid: queued.taskid }, keyOnly)).body)
					.message,
			).toBe('Task is not in a cancellable state.');
			const running = await run(server, 'go #queue=0 #duration=2000');
			await new Promise((resolve) => setTimeout(resolve, 20));
			expect(
				errorOf((await call(server, 'Task/Cancel', { taskid: running.taskid }, keyOnly)).body)
					.message,
			).toBe('Task is not in a cancellable state.');
		});

		it('kills a running task by socketaccesstoken and refuses a finished one', async () => {
			const running = await run(server, 'go #queue=0 #duration=2000');
			const killed = await call(
				server,
				'Task/Kill',
				{ socketaccesstoken: running.socketaccesstoken },
				keyOnly,
			);
			expect(killed.body.tasklist?.[0]).toMatchObject({ status: 'task_cancel', outputs: [] });
			expect(
				errorOf((await call(server, 'Task/Kill', { taskid: running.taskid }, keyOnly)).body),
			).toEqual({
				code: 1,
				message: 'Task could not be killed: task is not running',
			});
		});

		it('deletes outputs idempotently', async () => {
			const created = await run(server, '#duration=0');
			const task = (await pollUntilTerminal(server, created.taskid ?? '')).task;
			expect((await fetch(outputFileUrl(task))).status).toBe(200);
			for (let i = 0; i < 2; i++) {
				const answer = await call(
					server,
					'Task/InputOutputDelete',
					{ tasktoken: created.socketaccesstoken },
					keyOnly,
				);
				expect(answer.body).toEqual({ errors: [], result: true });
			}
			expect((await fetch(outputFileUrl(task))).status).toBe(404);
			expect((await detail(server, { taskid: task.id })).outputs).toEqual([]);
			expect(
				errorOf((await call(server, 'Task/InputOutputDelete', { tasktoken: 'x' }, keyOnly)).body)
					.code,
			).toBe(1);
		});
	});

	describe('callbacks', () => {
		const received: unknown[] = [];
		/** How many of the next deliveries the receiver answers with a 503. */
		let failNext = 0;
		const receiver = http.createServer((req, res) => {
			let text = '';
			req.on('data', (chunk: Buffer) => (text += chunk.toString()));
			req.on('end', () => {
				received.push(JSON.parse(text));
				if (failNext > 0) {
					failNext--;
					res.statusCode = 503;
				}
				res.end('ok');
			});
		});
		let callbackUrl = '';

		beforeAll(async () => {
			await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
			callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
		});
		afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
		beforeEach(() => (received.length = 0));

		it('posts the Task/Detail shape, repeated as configured', async () => {
			server.setOptions({ callbackRepeats: 2 });
			const created = await run(server, '#duration=30', { callbackUrl });
			// The count rises when the answer arrives, a moment after the receiver saw the body.
			await waitFor(() => received.length === 2 && server.stats.callbacksSent === 2, 3000);
			expect(received[0]).toMatchObject({
				result: true,
				tasklist: [{ id: created.taskid, status: 'task_postprocess_end' }],
			});
		});

		it('retries a failed delivery up to callbackRetries times, callbackRetryDelayMs apart, then gives up', async () => {
			server.setOptions({ callbackRepeats: 1, callbackRetries: 3, callbackRetryDelayMs: 20 });
			failNext = 2;
			const healed = await run(server, '#duration=30', { callbackUrl });
			await waitFor(() => server.stats.callbacksSent === 1, 3000);
			expect(received).toHaveLength(3);
			expect(
				received.every((body) => JSON.stringify(body).includes(`"id":"${healed.taskid}"`)),
			).toBe(true);
			expect(server.stats.callbackFailures).toBe(2);

			received.length = 0;
			failNext = 10;
			await run(server, '#duration=30', { callbackUrl });
			await waitFor(() => server.stats.callbackFailures === 2 + 4, 3000);
			expect(received).toHaveLength(4);
			expect(server.stats.callbacksSent).toBe(1);
			failNext = 0;
		});

		it('posts the bare task, also for a cancelled task', async () => {
			server.setOptions({ callbackShape: 'task' });
			const created = await run(server, '#queue=1000', { callbackUrl });
			await call(server, 'Task/Cancel', { taskid: created.taskid }, keyOnly);
			await waitFor(() => received.length === 1, 3000);
			expect(received[0]).toMatchObject({ id: created.taskid, status: 'task_cancel' });
		});
	});

	describe('faults on Task/Detail', () => {
		async function sampleOutcomes(count: number, taskid: string): Promise<string[]> {
			const outcomes: string[] = [];
			for (let i = 0; i < count; i++) {
				try {
					const response = await fetch(`${server.baseUrl}/Task/Detail`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', ...keyOnly },
						body: JSON.stringify({ taskid }),
					});
					await response.text();
					outcomes.push(String(response.status));
				} catch {
					outcomes.push('reset');
				}
			}
			return outcomes;
		}

		it('injects resets and 5xx at the configured rates, reproducibly', async () => {
			const created = await run(server, '#duration=10000');
			server.setFaults({ detail5xxRate: 0.2, detailResetRate: 0.1, seed: 42 });
			const first = await sampleOutcomes(300, created.taskid ?? '');
			const resets = first.filter((outcome) => outcome === 'reset').length;
			const errors = first.filter((outcome) => outcome.startsWith('5')).length;
			expect(resets / 300).toBeGreaterThan(0.05);
			expect(resets / 300).toBeLessThan(0.16);
			expect(errors / 300).toBeGreaterThan(0.12); // 0.2 of the 90% not reset
			expect(errors / 300).toBeLessThan(0.25);
			expect(server.stats.faultsInjected).toBe(resets + errors);

			server.setFaults({ detail5xxRate: 0.2, detailResetRate: 0.1, seed: 42 });
			expect(await sampleOutcomes(300, created.taskid ?? '')).toEqual(first);
		});

		it('delays slow answers', async () => {
			const created = await run(server, '#duration=10000');
			server.setFaults({ slowRate: 1, slowMs: 1000 });
			const answered: string[] = [];
			const slow = detail(server, { taskid: created.taskid ?? '' }).then(() =>
				answered.push('Detail'),
			);
			await waitFor(() => server.requests.length === 2);
			await run(server, 'sent after the Detail arrived');
			answered.push('Run');
			await slow;
			expect(answered).toEqual(['Run', 'Detail']);
			expect(server.stats.faultsInjected).toBe(1);
		});
	});

	it('drops the next Run answer after creating the task', async () => {
		server.dropNextRunAnswer();
		await expect(
			call(server, 'Run/PixVerse/text-to-video-v5', { prompt: 'lost' }, keyOnly),
		).rejects.toThrow();
		expect(server.tasks()).toHaveLength(1);
		expect(server.stats.run).toBe(1);
		await run(server, 'found');
		expect(server.tasks()).toHaveLength(2);
	});

	it('describes and lists the models', async () => {
		const list = await call(server, 'Tool/List', {
			search: 'video',
			categories: ['text-to-video'],
		});
		// Counted from the catalog, so a model added to it needs no edit here.
		const textToVideo = MODELS.filter((model) => model.categories.includes('text-to-video'));
		const slugs = (tools: Array<Record<string, unknown>> = []) =>
			tools.map((tool) => `${String(tool.slugowner)}/${String(tool.slugproject)}`);
		expect(slugs(list.body.tool)).toEqual(
			textToVideo.map((model) => `${model.slugowner}/${model.slugproject}`),
		);
		expect(list.body.total).toBe(String(textToVideo.length));
		const all = await call(server, 'Tool/List', {});
		expect(all.body.total).toBe(String(MODELS.length));
		expect(MODELS.length).toBeGreaterThan(textToVideo.length);
		const detailAnswer = await call(server, 'Tool/Detail', {
			slugowner: 'PixVerse',
			slugproject: 'text-to-video-v5',
		});
		const tool = detailAnswer.body.tool?.[0] as {
			parameters: Array<{ items: Array<{ id: string; type: string }> }>;
		};
		expect(tool.parameters[0].items.map((item) => item.id)).toEqual([
			'prompt',
			'negativePrompt',
			'aspectRatio',
			'duration',
			'quality',
			'style',
			'seed',
			'Watermark',
		]);
		expect(
			errorOf((await call(server, 'Tool/Detail', { slugowner: 'x', slugproject: 'y' })).body).code,
		).toBe(1);
	});
});

describe('sample video (the demo serves a real clip)', () => {
	it('serves the given bytes as every output unless #size is set', async () => {
		const { readFileSync } = await import('fs');
		const sampleVideo = readFileSync(`${__dirname}/../dev/wiro-server/fixtures/sample.mp4`);
		const demo = new WiroServer({ taskDurationMs: 100, sampleVideo });
		await demo.start();
		try {
			const run = async (prompt: string) => {
				const nonce = String(Date.now()) + Math.random().toString().slice(2, 8);
				const response = await fetch(`${demo.baseUrl}/Run/wiroai/LTX-Video-Text2Video`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'x-api-key': 'test-key',
						'x-nonce': nonce,
						'x-signature': wiroSignature('test-key', 'test-secret', nonce),
					},
					body: JSON.stringify({ prompt }),
				});
				return ((await response.json()) as { taskid: string }).taskid;
			};
			const plain = await run('clip');
			const sized = await run('clip #size=1000');
			await waitFor(
				() => demo.taskEndedAt(plain) !== undefined && demo.taskEndedAt(sized) !== undefined,
				3000,
			);
			const plainBytes = Buffer.from(
				await (await fetch(outputFileUrl(demo.getTask(plain)!))).arrayBuffer(),
			);
			expect(plainBytes.equals(sampleVideo)).toBe(true);
			expect(demo.getTask(plain)!.outputs[0].size).toBe(String(sampleVideo.length));
			expect(plainBytes.subarray(4, 8).toString()).toBe('ftyp');
			const sizedBytes = Buffer.from(
				await (await fetch(outputFileUrl(demo.getTask(sized)!))).arrayBuffer(),
			);
			expect(sizedBytes.length).toBe(1000);
		} finally {
			await demo.stop();
		}
	});
});
