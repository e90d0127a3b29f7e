import { disposeWorkflowRunner } from '../dev/workflow-runner';
import { waitFor, WiroServer } from '../dev/wiro-server';
import { bodiesAt, NODE_NAME, runWiro, signatureCredentials } from '../dev/workflow-runner/runWiro';

/**
 * Waiting over Wiro's task socket (real WebSocket connections on loopback to the local server's
 * socket): the socket rings, Task/Detail decides. Counts only, never wall-clock.
 */
const LTX = 'wiroai/LTX-Video-Text2Video';
const generate = (prompt: string, options: Record<string, unknown> = {}) => ({
	resource: 'video',
	operation: 'generate',
	model: LTX,
	prompt,
	options: { download: false, ...options },
});
const detailCalls = (server: WiroServer): number => bodiesAt(server, 'Task/Detail').length;
/** Every connection the node opened is closed (the server sees the close shortly after the client sends it). */
const allClosed = async (server: WiroServer): Promise<void> =>
	await waitFor(() => server.openSocketConnections === 0, 3000);

let server: WiroServer;

beforeAll(async () => {
	server = new WiroServer({ taskDurationMs: 1500 });
	await server.start();
});
afterEach(() => {
	server.setSocketFaults({});
	server.setOptions({ socketRevision: 'tasktoken' });
	server.reset();
});
afterAll(async () => {
	await server.stop();
	await disposeWorkflowRunner();
});

describe('waiting over the task socket', () => {
	it('the runtime offers a WebSocket to the node (npm test turns it on for Node.js 20)', () => {
		expect(typeof WebSocket).toBe('function');
	});

	it('a 6 s task: one connection, one registration, Task/Detail only after registering and on the end hints', async () => {
		const result = await runWiro(server, { parameters: generate('sunrise #duration=6000') });
		expect(result.output(NODE_NAME)[0].json).toMatchObject({
			succeeded: true,
			status: 'task_postprocess_end',
		});
		expect(server.stats.socketConnections).toBe(1);
		expect(server.stats.socketRegistrations).toBe(1);
		// Polling alone asks about 6 times for a 6 s task: here once after registering, then on task_end / task_postprocess_end.
		expect(detailCalls(server)).toBeGreaterThanOrEqual(2);
		expect(detailCalls(server)).toBeLessThanOrEqual(3);
		await allClosed(server);
	}, 20_000);

	it('a failed task: the end message says nothing about success, Task/Detail (pexit 1) makes it a failure', async () => {
		const result = await runWiro(server, {
			parameters: generate('will break #fail #duration=2000'),
		});
		const task = server.tasks()[0];
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/^The Wiro task failed \(exit code 1\)/);
		expect(result.nodeError(NODE_NAME)?.message).toContain(task.socketaccesstoken);
		expect(server.stats.socketRegistrations).toBe(1);
		expect(detailCalls(server)).toBeLessThanOrEqual(3);
		await allClosed(server);
	});

	it('a task cancelled on Wiro: task_cancel rings, Task/Detail confirms, the wait ends at once', async () => {
		const pending = runWiro(server, { parameters: generate('slow #duration=20000') });
		await waitFor(() => server.stats.socketRegistrations === 1 && detailCalls(server) === 1);
		server.finishTask(server.tasks()[0].id, 'cancel');
		const result = await pending;
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/^The Wiro task was cancelled/);
		// The registration's Detail and the one confirming task_cancel; polling would have asked again and again.
		expect(detailCalls(server)).toBe(2);
		await allClosed(server);
	});

	it('a task that ended before the socket registered sends nothing: the Detail after registering finds it', async () => {
		const result = await runWiro(server, { parameters: generate('instant #duration=0') });
		expect(result.output(NODE_NAME)[0].json.succeeded).toBe(true);
		expect(server.stats.socketRegistrations).toBe(1);
		expect(detailCalls(server)).toBe(1);
		await allClosed(server);
	});

	it('10 items at once: a connection each, every item its true outcome, no connection left', async () => {
		const result = await runWiro(server, {
			items: Array.from({ length: 10 }, (_, index) => ({
				prompt: `clip ${index} #duration=${2000 + index * 100}${index === 3 ? ' #fail' : ''}`,
			})),
			parameters: generate('={{ $json.prompt }}'),
			continueOnFail: true,
		});
		const items = result.output(NODE_NAME);
		expect(items.map((item) => item.json.succeeded ?? false)).toEqual([
			true,
			true,
			true,
			false,
			true,
			true,
			true,
			true,
			true,
			true,
		]);
		expect(items[3].json.error).toMatch(/exit code 1/);
		expect(server.stats.socketConnections).toBe(10);
		expect(server.stats.socketRegistrations).toBe(10);
		expect(detailCalls(server)).toBeLessThanOrEqual(30);
		await allClosed(server);
	});

	it("the other published revision ('connected' frame, id matching, terminal/success/exitCode) works the same", async () => {
		server.setOptions({ socketRevision: 'connected' });
		const ok = await runWiro(server, { parameters: generate('fine #duration=3000') });
		expect(ok.output(NODE_NAME)[0].json.succeeded).toBe(true);
		expect(detailCalls(server)).toBeLessThanOrEqual(3);
		const failed = await runWiro(server, { parameters: generate('broken #fail #duration=2000') });
		expect(failed.nodeError(NODE_NAME)?.message).toMatch(/exit code 1/);
		expect(server.stats.socketRegistrations).toBe(2);
		await allClosed(server);
	});

	it('Task > Wait with a task ID learns the token and waits over the socket', async () => {
		const started = await runWiro(server, {
			parameters: { ...generate('later #duration=4000'), waitMode: 'none' },
		});
		const taskId = String(started.output(NODE_NAME)[0].json.taskId);
		const result = await runWiro(server, {
			parameters: {
				resource: 'task',
				operation: 'wait',
				task: taskId,
				options: { download: false },
			},
		});
		expect(result.output(NODE_NAME)[0].json).toMatchObject({ taskId, succeeded: true });
		expect(server.stats.socketRegistrations).toBe(1);
		await allClosed(server);
	});

	it('an empty WebSocket URL turns real-time updates off: no connection, the node polls', async () => {
		const result = await runWiro(server, {
			parameters: generate('polled #duration=3000'),
			credentials: { ...signatureCredentials(server), socketUrl: '' },
		});
		expect(result.output(NODE_NAME)[0].json.succeeded).toBe(true);
		expect(server.stats.socketConnections + server.stats.socketRefused).toBe(0);
		expect(detailCalls(server)).toBeGreaterThanOrEqual(3);
	});
});

describe('no socket outlives the wait', () => {
	it('timeout: the task is killed and its connection closed', async () => {
		const result = await runWiro(server, {
			parameters: generate('too slow #duration=20000', { timeout: 2 }),
		});
		expect(result.nodeError(NODE_NAME)?.message).toMatch(
			/did not finish within 2 s \(last status task_\w+\)/,
		);
		expect(server.stats.kill).toBe(1);
		expect(server.stats.socketConnections).toBe(1);
		await allClosed(server);
	});

	it('the user stops the execution: the task is killed and every connection closed', async () => {
		const result = await runWiro(server, {
			items: [{ prompt: 'a #duration=20000' }, { prompt: 'b #duration=20000' }],
			parameters: generate('={{ $json.prompt }}'),
			cancelAfterMs: 1500,
		});
		expect(result.canceled).toBe(true);
		await waitFor(() => server.stats.kill + server.stats.cancel === 2);
		expect(server.stats.socketConnections).toBe(2);
		await allClosed(server);
	});

	it('continue on fail keeps the other items and closes the failed one too', async () => {
		const result = await runWiro(server, {
			items: [{ prompt: 'ok #duration=1500' }, { prompt: 'bad #fail #duration=1500' }],
			parameters: generate('={{ $json.prompt }}'),
			continueOnFail: true,
		});
		expect(result.output(NODE_NAME).map((item) => item.json.succeeded ?? item.json.error)).toEqual([
			true,
			expect.stringMatching(/exit code 1/),
		]);
		await allClosed(server);
	});
});
