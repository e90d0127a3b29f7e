import WebSocket from 'ws';

import { waitFor, WiroServer } from '../dev/wiro-server';

/** The local server's task socket, spoken to with a plain `ws` client, as Wiro's docs describe it. */
interface Frame {
	type: string;
	id?: string;
	tasktoken?: string;
	message?: unknown;
	result?: boolean;
	terminal?: boolean;
	success?: boolean;
	exitCode?: number | null;
}

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
afterAll(async () => await server.stop());

async function runTask(prompt: string): Promise<{ taskid: string; socketaccesstoken: string }> {
	const response = await fetch(`${server.baseUrl}/Run/PixVerse/text-to-video-v5`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-api-key': 'key-only' },
		body: JSON.stringify({ prompt }),
	});
	return (await response.json()) as { taskid: string; socketaccesstoken: string };
}

/** Connects, registers the token, and collects text frames until `until` says stop or the socket closes. */
async function listen(
	token: string,
	until: (frame: Frame | undefined) => boolean,
	register = true,
): Promise<{ frames: Frame[]; raw: string[]; closed: boolean }> {
	const ws = new WebSocket(server.socketUrl);
	const frames: Frame[] = [];
	const raw: string[] = [];
	return await new Promise((resolve, reject) => {
		const finish = (closed: boolean): void => {
			ws.removeAllListeners();
			ws.on('error', () => undefined);
			ws.close();
			resolve({ frames, raw, closed });
		};
		ws.on('open', () => {
			if (register) ws.send(JSON.stringify({ type: 'task_info', tasktoken: token }));
		});
		ws.on('message', (data) => {
			raw.push(data.toString());
			let frame: Frame | undefined;
			try {
				frame = JSON.parse(data.toString()) as Frame;
				frames.push(frame);
			} catch {
				frame = undefined;
			}
			if (until(frame)) finish(false);
		});
		ws.on('close', () => finish(true));
		ws.on('error', reject);
	});
}

const isEnd = (frame: Frame | undefined): boolean =>
	frame?.type === 'task_postprocess_end' || frame?.type === 'task_cancel';

describe('the local task socket', () => {
	it("sends a registered task's lifecycle in order, with task_output progress, ending with the outputs", async () => {
		const { socketaccesstoken, taskid } = await runTask('clip #duration=3500');
		const { frames } = await listen(socketaccesstoken, isEnd);
		const types = frames.map((frame) => frame.type);
		const lifecycle = types.filter((type) => type !== 'task_output');
		expect(lifecycle).toEqual([
			'task_accept',
			'task_preprocess_start',
			'task_preprocess_end',
			'task_assign',
			'task_start',
			'task_output_full',
			'task_end',
			'task_postprocess_start',
			'task_postprocess_end',
		]);
		const progress = frames.filter((frame) => frame.type === 'task_output');
		expect(progress.length).toBeGreaterThan(0);
		expect(progress[0].message).toMatchObject({
			type: 'progressGenerate',
			percentage: expect.stringMatching(/^\d+$/),
		});
		expect(
			frames.every(
				(frame) =>
					frame.tasktoken === socketaccesstoken && frame.id === taskid && frame.result === true,
			),
		).toBe(true);
		const last = frames[frames.length - 1];
		expect(last.message).toEqual([
			expect.objectContaining({
				name: '0.mp4',
				contenttype: 'video/mp4',
				url: expect.stringContaining('/files/'),
			}),
		]);
		expect(server.stats).toMatchObject({ socketConnections: 1, socketRegistrations: 1 });
	});

	it('does not replay: a task that ended before registering sends nothing', async () => {
		const { socketaccesstoken } = await runTask('instant #duration=0');
		const ws = new WebSocket(server.socketUrl);
		const received: string[] = [];
		ws.on('message', (data) => received.push(data.toString()));
		await new Promise((resolve) => ws.on('open', resolve));
		ws.send(JSON.stringify({ type: 'task_info', tasktoken: socketaccesstoken }));
		await waitFor(() => server.stats.socketRegistrations === 1);
		// Longer than the server's progress tick: anything it had to say would have come by now.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		ws.close();
		expect(received).toEqual([]);
	});

	it("the other revision: a 'connected' frame, no tasktoken, final frame with terminal/success/exitCode", async () => {
		server.setOptions({ socketRevision: 'connected' });
		const { socketaccesstoken, taskid } = await runTask('clip #fail #duration=1500');
		const { frames } = await listen(socketaccesstoken, isEnd);
		expect(frames[0]).toEqual({ type: 'connected', version: '1.0' });
		expect(
			frames.slice(1).every((frame) => frame.tasktoken === undefined && frame.id === taskid),
		).toBe(true);
		expect(frames[frames.length - 1]).toMatchObject({
			type: 'task_postprocess_end',
			terminal: true,
			success: false,
			exitCode: 1,
			message: [],
		});
	});

	it('a killed task ends with task_cancel', async () => {
		const { socketaccesstoken, taskid } = await runTask('long #duration=20000');
		const listening = listen(socketaccesstoken, isEnd);
		await waitFor(() => server.stats.socketRegistrations === 1);
		server.finishTask(taskid, 'cancel');
		const { frames } = await listening;
		expect(frames[frames.length - 1].type).toBe('task_cancel');
	});

	it('faults: refused upgrade, dropped connection, garbage frames, stop at task_end', async () => {
		const { socketaccesstoken } = await runTask('clip #duration=2500');
		server.setSocketFaults({ refuse: true });
		await expect(listen(socketaccesstoken, isEnd)).rejects.toThrow(/403/);
		server.setSocketFaults({ dropAfterMs: 300 });
		expect((await listen(socketaccesstoken, isEnd)).closed).toBe(true);
		server.setSocketFaults({ garbage: true });
		const garbage = await listen(socketaccesstoken, () => true);
		expect(garbage.raw[0]).not.toMatch(/^\{/);
		server.setSocketFaults({ stopAtTaskEnd: true });
		const { socketaccesstoken: second } = await runTask('clip #duration=2000');
		const stopped = await listen(second, (frame) => frame?.type === 'task_end');
		expect(stopped.frames.map((frame) => frame.type)).toContain('task_end');
		await waitFor(() => server.getTask(second)?.status === 'task_postprocess_end', 5000);
		expect(server.stats.socketRefused).toBe(1);
	});

	it('counts connections as they open and close', async () => {
		const { socketaccesstoken } = await runTask('clip #duration=1000');
		await listen(socketaccesstoken, isEnd);
		await waitFor(() => server.openSocketConnections === 0);
		expect(server.stats.socketConnections).toBe(1);
	});
});
