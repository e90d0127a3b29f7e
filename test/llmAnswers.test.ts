import type { IDataObject } from 'n8n-workflow';

import { toTaskJson, toToolJson } from '../nodes/Wiro/helpers/task';
import { otherModelParameters, mapperValue, schemaFor } from './fixtures/otherModel';
import { disposeWorkflowRunner } from '../dev/workflow-runner';
import { waitFor, WiroServer } from '../dev/wiro-server';
import { bodiesAt, NODE_NAME, runWiro } from '../dev/workflow-runner/runWiro';

const CHAT = 'wiroai/Local-Chat-LLM';

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

describe('LLM answers (outputs with contenttype "raw")', () => {
	it('Generate with Other Model returns the answer as text, with its answer and thinking parts', async () => {
		const schema = await schemaFor(server, CHAT);
		const result = await runWiro(server, {
			parameters: {
				...otherModelParameters(CHAT),
				modelParameters: mapperValue(schema, { prompt: 'Hello there' }),
			},
		});
		expect(result.status).toBe('success');
		expect(bodiesAt(server, `Run/${CHAT}`)).toEqual([{ prompt: 'Hello there' }]);
		const [item] = result.output(NODE_NAME);
		const task = server.tasks()[0];
		expect(task.outputs).toEqual([
			{ contenttype: 'raw', content: expect.objectContaining({ prompt: 'Hello there' }) },
		]);
		expect(item.json).toMatchObject({
			model: CHAT,
			succeeded: true,
			text: 'You said "Hello there".\n\nAnything else?',
			answer: ['You said "Hello there".', 'Anything else?'],
			thinking: ['The user wrote: Hello there', 'Checking the reply before sending it.'],
			outputUrls: [],
			outputs: [],
		});
		expect(item.binary).toBeUndefined();
	});

	it('Task > Get shows the same answer for the finished task', async () => {
		const schema = await schemaFor(server, CHAT);
		const started = await runWiro(server, {
			parameters: {
				...otherModelParameters(CHAT),
				modelParameters: mapperValue(schema, { prompt: 'Ping' }),
				waitMode: 'none',
			},
		});
		const taskId = started.output(NODE_NAME)[0].json.taskId as string;
		await waitFor(() => server.taskEndedAt(taskId) !== undefined);
		const got = await runWiro(server, {
			parameters: { resource: 'task', operation: 'get', task: taskId },
		});
		const [item] = got.output(NODE_NAME);
		expect(item.json).toMatchObject({
			taskId,
			succeeded: true,
			text: 'You said "Ping".\n\nAnything else?',
			answer: ['You said "Ping".', 'Anything else?'],
		});
		expect((item.json.task as IDataObject).outputs).toEqual([
			{
				contenttype: 'raw',
				content: expect.objectContaining({ answer: ['You said "Ping".', 'Anything else?'] }),
			},
		]);
	});

	it('takes the answer from every raw output, prefers it to debugoutput, and reports nothing for a failed task', () => {
		const finished = {
			id: '534574',
			socketaccesstoken: 'tok',
			status: 'task_postprocess_end',
			pexit: '0',
			debugoutput: 'merged text',
		};
		const outputs = [
			{
				contenttype: 'raw',
				content: { prompt: 'Hi', raw: 'Hello!', thinking: [], answer: ['Hello!'] },
			},
			{
				contenttype: 'raw',
				content: { prompt: 'Hi', raw: '…', thinking: ['Hmm'], answer: ['How can I help?'] },
			},
		];
		expect(toToolJson({ ...finished, outputs })).toMatchObject({
			text: 'Hello!\n\nHow can I help?',
			answer: ['Hello!', 'How can I help?'],
			thinking: ['Hmm'],
			outputUrls: [],
		});
		// An answer with no parts falls back to Wiro's merged text.
		expect(
			toTaskJson({
				...finished,
				outputs: [
					{ contenttype: 'raw', content: { prompt: 'Hi', raw: '', thinking: [], answer: [] } },
				],
			}).text,
		).toBe('merged text');
		const failed = toToolJson({ ...finished, pexit: '1', outputs });
		expect(failed.text).toBeUndefined();
		expect(failed.answer).toBeUndefined();
	});
});
