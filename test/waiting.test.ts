import { disposeWorkflowRunner } from '../dev/workflow-runner';
import { WiroServer } from '../dev/wiro-server';
import { bodiesAt, NODE_NAME, runWiro } from '../dev/workflow-runner/runWiro';
import { nextPollDelay } from '../nodes/Wiro/helpers/pollTask';

const LTX = 'wiroai/LTX-Video-Text2Video';
const generate = (prompt: string, options: Record<string, unknown> = {}) => ({
	resource: 'video',
	operation: 'generate',
	model: LTX,
	prompt,
	options: { download: false, ...options },
});

let server: WiroServer;

beforeAll(async () => {
	server = new WiroServer({ taskDurationMs: 400 });
	await server.start();
});
afterEach(() => {
	server.setFaults({});
	server.reset();
});
afterAll(async () => {
	await server.stop();
	await disposeWorkflowRunner();
});

describe('waiting for a task', () => {
	it('backs off: short tasks are noticed within about a second, long ones are polled rarely', () => {
		expect(nextPollDelay(0, 1000, 60_000)).toBe(1000);
		expect(nextPollDelay(5000, 1000, 60_000)).toBe(1000);
		expect(nextPollDelay(60_000, 1000, 60_000)).toBe(8400);
		expect(nextPollDelay(3_600_000, 1000, 60_000)).toBe(60_000);
		let elapsed = 0;
		let calls = 0;
		while (elapsed < 120_000) {
			elapsed += nextPollDelay(elapsed, 1000, 60_000);
			calls++;
		}
		expect(calls).toBeLessThanOrEqual(30);
	});

	it('stops polling at the first Detail that shows the end of a 2 s task, after few Detail calls', async () => {
		const result = await runWiro(server, { parameters: generate('short #duration=2000') });
		const task = server.tasks()[0];
		expect(result.output(NODE_NAME)[0].json.succeeded).toBe(true);
		const polls = server.requests
			.filter((request) => request.path === '/v1/Task/Detail')
			.map((request) => request.time);
		expect(polls.slice(0, -1).every((time) => time < server.taskEndedAt(task.id)!)).toBe(true);
		expect(polls.length).toBeLessThanOrEqual(4);
	});

	it('a failed task (pexit 1) becomes an error that names the task', async () => {
		const result = await runWiro(server, { parameters: generate('will break #fail') });
		const task = server.tasks()[0];
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/^The Wiro task failed \(exit code 1\)/);
		expect(error.message).toContain(task.id);
		expect(error.message).toContain(task.socketaccesstoken);
		expect(error.description).toMatch(/does not bill failed tasks/);
	});

	it('a task cancelled on Wiro ends the wait with a clear error', async () => {
		const pending = runWiro(server, { parameters: generate('slow #duration=3000') });
		await new Promise((resolve) => setTimeout(resolve, 600));
		server.finishTask(server.tasks()[0].id, 'cancel');
		const result = await pending;
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/^The Wiro task was cancelled/);
	});

	it('on timeout kills the task by default, and reports it with id and token', async () => {
		const result = await runWiro(server, {
			parameters: generate('too slow #duration=10000', { timeout: 1.5 }),
		});
		const task = server.tasks()[0];
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/did not finish within 2 s|did not finish within 1 s/);
		expect(error.message).toContain(task.socketaccesstoken);
		expect(error.description).toMatch(/stopped on Wiro so it is not billed/);
		expect(server.stats.kill).toBe(1);
		expect(server.getTask(task.id)?.status).toBe('task_cancel');
	});

	it('on timeout leaves the task running when Kill Unfinished Task is off', async () => {
		const result = await runWiro(server, {
			parameters: generate('too slow #duration=10000', { timeout: 1, killOnAbandon: false }),
		});
		expect(result.nodeError(NODE_NAME)?.description).toMatch(/Task > Wait/);
		expect(server.stats.kill + server.stats.cancel).toBe(0);
		expect(server.tasks()[0].status).not.toBe('task_cancel');
	});

	it('stops waiting and kills the task when the user stops the execution', async () => {
		const result = await runWiro(server, {
			parameters: generate('long #duration=20000'),
			cancelAfterMs: 1200,
		});
		expect(result.canceled).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(server.stats.kill + server.stats.cancel).toBe(1);
		expect(server.tasks()[0].status).toBe('task_cancel');
	});

	it('a code-96 answer queues the item and resubmits it when a slot frees, never above the limit', async () => {
		const limited = new WiroServer({
			taskDurationMs: 500,
			projects: [
				{ apiKey: 'test-key', apiSecret: 'test-secret', mode: 'signature', concurrencyLimit: 2 },
			],
		});
		await limited.start();
		try {
			const result = await runWiro(limited, {
				items: Array.from({ length: 6 }, (_, index) => ({ prompt: `clip ${index}` })),
				parameters: {
					...generate('={{ $json.prompt }}'),
					options: { download: false, pollInterval: 0.2 },
				},
			});
			const items = result.output(NODE_NAME);
			expect(items).toHaveLength(6);
			expect(items.every((item) => item.json.succeeded === true)).toBe(true);
			expect(limited.stats.tasksCreated).toBe(6);
			expect(limited.stats.peakActive).toBeLessThanOrEqual(2);
			expect(limited.stats.rejected96).toBeGreaterThan(0);
		} finally {
			await limited.stop();
		}
	});

	it('retries Detail through 5xx answers and connection resets without losing any task', async () => {
		server.setFaults({ detail5xxRate: 0.3, detailResetRate: 0.2, seed: 7 });
		const result = await runWiro(server, {
			items: Array.from({ length: 4 }, (_, index) => ({
				prompt: `clip ${index} #duration=${800 + index * 200}`,
			})),
			parameters: {
				...generate('={{ $json.prompt }}'),
				options: { download: false, pollInterval: 0.2 },
			},
		});
		const items = result.output(NODE_NAME);
		expect(result.status).toBe('success');
		expect(items.map((item) => item.json.succeeded)).toEqual([true, true, true, true]);
		expect(server.stats.faultsInjected).toBeGreaterThan(0);
		expect(server.stats.tasksCreated).toBe(4);
	});

	it('never re-sends a Run whose answer was lost, and says the task may exist', async () => {
		server.dropNextRunAnswer();
		const result = await runWiro(server, { parameters: generate('lost answer') });
		expect(bodiesAt(server, `Run/${LTX}`)).toHaveLength(1);
		expect(server.stats.tasksCreated).toBe(1);
		expect(result.nodeError(NODE_NAME)?.description).toMatch(/may have started the task anyway/);
	});
});

describe('an error while waiting still names the started task', () => {
	it('credentials revoked mid-wait: the error carries the task id and token', async () => {
		const local = new WiroServer({ taskDurationMs: 3000 });
		await local.start();
		try {
			const pending = runWiro(local, { parameters: generate('p') });
			await new Promise((resolve) => setTimeout(resolve, 300));
			local.options.projects[0].apiSecret = 'rotated';
			const result = await pending;
			const task = local.tasks()[0];
			const error = result.nodeError(NODE_NAME)!;
			expect(error.message).toContain(task.id);
			expect(error.message).toContain(task.socketaccesstoken);
			expect(error.description).toMatch(/Check the API key and secret.*Task > Wait/);
		} finally {
			await local.stop();
		}
	});
});
