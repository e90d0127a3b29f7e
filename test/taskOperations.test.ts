import { readFileSync } from 'fs';
import { join } from 'path';
import type { IConnections, INode } from 'n8n-workflow';

import { WiroApi } from '../credentials/WiroApi.credentials';
import { Wiro } from '../nodes/Wiro/Wiro.node';
import { binaryToBuffer, disposeWorkflowRunner, runWorkflow } from '../dev/workflow-runner';
import { expectedOutputBytes, outputFileUrl, waitFor, WiroServer } from '../dev/wiro-server';
import {
	bodiesAt,
	NODE_NAME,
	runWiro,
	signatureCredentials,
	WIRO_NODE_TYPE,
} from '../dev/workflow-runner/runWiro';

const LTX = 'wiroai/LTX-Video-Text2Video';

let server: WiroServer;

beforeAll(async () => {
	server = new WiroServer({ taskDurationMs: 400, outputSize: 10_000 });
	await server.start();
});
afterEach(() => server.reset());
afterAll(async () => {
	await server.stop();
	await disposeWorkflowRunner();
});

/** Starts a task through the node with Don't Wait, as a user would. */
async function startTask(prompt: string): Promise<{ taskId: string; taskToken: string }> {
	const result = await runWiro(server, {
		parameters: { resource: 'video', operation: 'generate', model: LTX, prompt, waitMode: 'none' },
	});
	const { taskId, taskToken } = result.output(NODE_NAME)[0].json as {
		taskId: string;
		taskToken: string;
	};
	return { taskId, taskToken };
}

describe('Task operations', () => {
	it('Get finds a task By ID and By Token', async () => {
		const { taskId, taskToken } = await startTask('p #duration=300');
		await waitFor(() => server.taskEndedAt(taskId) !== undefined, 3000);
		for (const task of [
			{ __rl: true, mode: 'id', value: taskId },
			{ __rl: true, mode: 'socketAccess', value: taskToken },
		]) {
			const result = await runWiro(server, {
				parameters: { resource: 'task', operation: 'get', task },
			});
			expect(result.output(NODE_NAME)[0].json).toMatchObject({
				taskId,
				taskToken,
				status: 'task_postprocess_end',
				succeeded: true,
				finished: true,
			});
		}
		expect(bodiesAt(server, 'Task/Detail')).toEqual([{ taskid: taskId }, { tasktoken: taskToken }]);
	});

	it('a workflow saved with the old plain-string task still runs: digits are an ID, anything else a token', async () => {
		const { taskId, taskToken } = await startTask('p #duration=300');
		await waitFor(() => server.taskEndedAt(taskId) !== undefined, 3000);
		server.requests = [];
		for (const task of [taskId, ` ${taskToken} `, '={{ $json.saved }}']) {
			const result = await runWiro(server, {
				items: [{ saved: taskToken }],
				parameters: { resource: 'task', operation: 'get', task },
			});
			expect(result.output(NODE_NAME)[0].json).toMatchObject({
				taskId,
				taskToken,
				succeeded: true,
			});
		}
		expect(bodiesAt(server, 'Task/Detail')).toEqual([
			{ taskid: taskId },
			{ tasktoken: taskToken },
			{ tasktoken: taskToken },
		]);
	});

	it('the example workflow that starts a task and waits for it runs unchanged', async () => {
		const example = JSON.parse(
			readFileSync(join(__dirname, '..', 'examples', 'fire-and-forget-then-wait.json'), 'utf8'),
		) as { nodes: INode[]; connections: IConnections };
		const result = await runWorkflow({
			nodeTypes: { [WIRO_NODE_TYPE]: new Wiro() },
			credentialTypes: { wiroApi: new WiroApi() },
			credentials: { wiroApi: signatureCredentials(server) },
			nodes: example.nodes,
			connections: example.connections,
		});
		const [task] = server.tasks();
		expect(result.status).toBe('success');
		expect(result.output('Wait for Video')[0].json).toMatchObject({
			taskId: task.id,
			taskToken: task.socketaccesstoken,
			succeeded: true,
		});
		expect(
			(await binaryToBuffer(result.output('Wait for Video')[0].binary!.data)).equals(
				expectedOutputBytes(task.uuid, 10_000),
			),
		).toBe(true);
	});

	it("a typed task that does not fit its mode is refused by n8n before the run, with the mode's rule", async () => {
		const typed = (mode: string, value: string) =>
			runWiro(server, {
				parameters: { resource: 'task', operation: 'kill', task: { __rl: true, mode, value } },
			});
		await expect(typed('id', 'eDcCm5yyUfIvMFspTwww49OUfgXkQt')).rejects.toThrow(
			/A task ID is digits only/,
		);
		await expect(typed('socketAccess', 'not a token!')).rejects.toThrow(
			/A task token is letters and digits/,
		);
		expect(server.requests).toEqual([]);
	});

	it.each([
		[
			'By ID given a token',
			'id',
			'eDcCm5yyUfIvMFspTwww49OUfgXkQt',
			/'Task' By ID must be digits/,
			/By Token/,
		],
		[
			'By Token given something else',
			'socketAccess',
			'not a token!',
			/'Task' By Token must be letters and digits/,
			/taskToken/,
		],
		['an empty task', 'id', '', /'Task' is empty/, /task ID or token/],
		[
			'an old plain-string task that is neither',
			'plain',
			'not a token!',
			/'Task' is neither a task ID nor a token/,
			/By ID/,
		],
	])(
		'%s from an expression is refused naming the field, and nothing is sent',
		async (_case, mode, value, message, description) => {
			const result = await runWiro(server, {
				items: [{ task: value }],
				parameters: {
					resource: 'task',
					operation: 'kill',
					task:
						mode === 'plain'
							? '={{ $json.task }}'
							: { __rl: true, mode, value: '={{ $json.task }}' },
				},
			});
			expect(result.nodeError(NODE_NAME)).toMatchObject({
				name: 'NodeOperationError',
				message: expect.stringMatching(message),
				description: expect.stringMatching(description),
				context: { itemIndex: 0 },
			});
			expect(server.requests).toEqual([]);
		},
	);

	it('Get of an unknown task says so and how to fix it', async () => {
		const result = await runWiro(server, {
			parameters: { resource: 'task', operation: 'get', task: '999999' },
		});
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toBe('Wiro: There is no task yet.');
		expect(error.description).toMatch(/Check the task ID or token/);
	});

	it('Cancel stops a queued task; on a running task it explains', async () => {
		const queued = await startTask('p #queue=3000 #duration=4000');
		const result = await runWiro(server, {
			parameters: { resource: 'task', operation: 'cancel', task: queued.taskToken },
		});
		expect(result.output(NODE_NAME)[0].json).toMatchObject({
			taskId: queued.taskId,
			status: 'task_cancel',
		});

		const running = await startTask('p #queue=0 #duration=4000');
		await new Promise((resolve) => setTimeout(resolve, 300));
		const refused = await runWiro(server, {
			parameters: { resource: 'task', operation: 'cancel', task: running.taskToken },
		});
		expect(refused.nodeError(NODE_NAME)?.message).toContain('Task is not in a cancellable state.');
	});

	it.each(['cancel', 'kill'])(
		'%s sends the task token: a token as given, an ID looked up with Task/Detail first',
		async (operation) => {
			const endpoint = operation === 'cancel' ? 'Task/Cancel' : 'Task/Kill';
			const byId = await startTask('p #queue=3000 #duration=4000');
			server.requests = [];
			const first = await runWiro(server, {
				parameters: { resource: 'task', operation, task: byId.taskId },
			});
			expect(first.output(NODE_NAME)[0].json).toMatchObject({
				taskId: byId.taskId,
				taskToken: byId.taskToken,
				status: 'task_cancel',
			});
			expect(bodiesAt(server, 'Task/Detail')).toEqual([{ taskid: byId.taskId }]);
			expect(bodiesAt(server, endpoint)).toEqual([{ tasktoken: byId.taskToken }]);

			const byToken = await startTask('p #queue=3000 #duration=4000');
			server.requests = [];
			await runWiro(server, {
				parameters: { resource: 'task', operation, task: byToken.taskToken },
			});
			expect(bodiesAt(server, 'Task/Detail')).toEqual([]);
			expect(bodiesAt(server, endpoint)).toEqual([{ tasktoken: byToken.taskToken }]);
		},
	);

	it('Kill stops a running task', async () => {
		const running = await startTask('p #queue=0 #duration=4000');
		await new Promise((resolve) => setTimeout(resolve, 300));
		const result = await runWiro(server, {
			parameters: { resource: 'task', operation: 'kill', task: running.taskId },
		});
		expect(result.output(NODE_NAME)[0].json).toMatchObject({
			taskId: running.taskId,
			status: 'task_cancel',
			succeeded: false,
		});
		expect(server.getTask(running.taskId)?.status).toBe('task_cancel');
	});

	it('Delete Files removes the outputs, given an ID (the token is looked up) or a token', async () => {
		const { taskId, taskToken } = await startTask('p #duration=200');
		await waitFor(() => server.taskEndedAt(taskId) !== undefined, 3000);
		const url = outputFileUrl(server.getTask(taskId)!);
		const result = await runWiro(server, {
			parameters: { resource: 'task', operation: 'deleteFiles', task: taskId },
		});
		expect(result.output(NODE_NAME)[0].json).toEqual({ taskId, taskToken, filesDeleted: true });
		expect(bodiesAt(server, 'Task/InputOutputDelete')).toEqual([{ tasktoken: taskToken }]);
		expect((await fetch(url)).status).toBe(404);
		const again = await runWiro(server, {
			parameters: { resource: 'task', operation: 'deleteFiles', task: taskToken },
		});
		expect(again.status).toBe('success');
	});

	it('Wait picks up a task started elsewhere and returns its video', async () => {
		const { taskId, taskToken } = await startTask('p #duration=900');
		const result = await runWiro(server, {
			parameters: {
				resource: 'task',
				operation: 'wait',
				task: taskToken,
				options: { binaryPropertyName: 'clip' },
			},
		});
		const [item] = result.output(NODE_NAME);
		expect(item.json).toMatchObject({ taskId, taskToken, succeeded: true });
		const task = server.getTask(taskId)!;
		expect(
			(await binaryToBuffer(item.binary!.clip)).equals(expectedOutputBytes(task.uuid, 10_000)),
		).toBe(true);
	});

	it('Wait given an ID that times out stops the task by its token, and names both', async () => {
		const { taskId, taskToken } = await startTask('p #queue=0 #duration=10000');
		server.requests = [];
		const result = await runWiro(server, {
			parameters: {
				resource: 'task',
				operation: 'wait',
				task: { __rl: true, mode: 'id', value: taskId },
				options: { timeout: 1 },
			},
		});
		expect(result.nodeError(NODE_NAME)).toMatchObject({
			name: 'WiroTaskError',
			context: { task: { taskId, taskToken } },
		});
		expect(bodiesAt(server, 'Task/Kill')).toEqual([{ tasktoken: taskToken }]);
		expect(server.getTask(taskId)?.status).toBe('task_cancel');
	});
});
