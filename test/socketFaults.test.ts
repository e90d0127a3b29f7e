import { disposeWorkflowRunner } from '../dev/workflow-runner';
import { waitFor, WiroServer, type SocketFaults } from '../dev/wiro-server';
import { bodiesAt, NODE_NAME, runWiro } from '../dev/workflow-runner/runWiro';

/**
 * Every fault of the task socket: the item still gets its true outcome, no task is lost or started
 * twice, the node falls back to polling Task/Detail, and no connection is left open.
 */
const LTX = 'wiroai/LTX-Video-Text2Video';
const generate = (prompt: string) => ({
	resource: 'video',
	operation: 'generate',
	model: LTX,
	prompt,
	options: { download: false },
});
const detailCalls = (server: WiroServer): number => bodiesAt(server, 'Task/Detail').length;

let server: WiroServer;

beforeAll(async () => {
	server = new WiroServer({ taskDurationMs: 1500 });
	await server.start();
});
afterEach(() => {
	server.setSocketFaults({});
	server.reset();
});
afterAll(async () => {
	await server.stop();
	await disposeWorkflowRunner();
});

/** Two items, one succeeding and one failing, under a socket fault. */
async function runUnder(faults: SocketFaults, durationMs: number, timeoutMs = 30_000) {
	server.setSocketFaults(faults);
	const result = await runWiro(server, {
		items: [
			{ prompt: `fine #duration=${durationMs}` },
			{ prompt: `broken #fail #duration=${durationMs}` },
		],
		parameters: generate('={{ $json.prompt }}'),
		continueOnFail: true,
		timeoutMs,
	});
	const items = result.output(NODE_NAME);
	expect(items).toHaveLength(2);
	expect(items[0].json).toMatchObject({ succeeded: true, status: 'task_postprocess_end' });
	expect(items[1].json.error).toMatch(/^The Wiro task failed \(exit code 1\)/);
	expect(server.stats.tasksCreated).toBe(2);
	await waitFor(() => server.openSocketConnections === 0, 3000);
	return items;
}

describe('task socket faults: true outcome, nothing lost, polling takes over', () => {
	it('upgrade refused: polls with the back-off from the start', async () => {
		await runUnder({ refuse: true }, 3000);
		expect(server.stats.socketRefused).toBeGreaterThanOrEqual(2);
		expect(server.stats.socketConnections).toBe(0);
		// Back-off polling of a 3 s task: about one call a second, for each of the two tasks.
		expect(detailCalls(server)).toBeGreaterThanOrEqual(6);
	});

	it('connection dropped after 500 ms: polls at once, and tries the socket again after a back-off', async () => {
		await runUnder({ dropAfterMs: 500 }, 8000);
		// Each item: its first connection, and another about 5 s after the first one broke.
		expect(server.stats.socketConnections).toBeGreaterThanOrEqual(4);
		expect(server.stats.socketRegistrations).toBe(server.stats.socketConnections);
		expect(detailCalls(server)).toBeGreaterThanOrEqual(6);
	}, 20_000);

	it('frames that are not JSON: the socket counts as broken, polling finds the outcome', async () => {
		await runUnder({ garbage: true }, 4000);
		expect(server.stats.socketRegistrations).toBeGreaterThanOrEqual(2);
		expect(detailCalls(server)).toBeGreaterThanOrEqual(6);
	});

	it("messages stop at task_end (as Wiro's code sample does): Task/Detail confirms, then polls quickly", async () => {
		await runUnder({ stopAtTaskEnd: true }, 3000);
		expect(server.stats.socketRegistrations).toBe(2);
	});

	it('events arrive late: still the true outcome, without polling', async () => {
		await runUnder({ delayMs: 700 }, 3000);
		expect(server.stats.socketRegistrations).toBe(2);
		expect(detailCalls(server)).toBeLessThanOrEqual(6);
	});

	it('a socket that stays silent for 30 s counts as broken: polling ends the wait', async () => {
		await runUnder({ silent: true }, 2000, 60_000);
		expect(server.stats.socketRegistrations).toBe(2);
		// Registration's Detail, then after 30 s of silence back to back-off polling, which finds the end at once.
		expect(detailCalls(server)).toBeGreaterThanOrEqual(4);
	}, 70_000);
});
