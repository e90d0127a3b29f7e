import {
	deepCopy,
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { WiroApi } from '../credentials/WiroApi.credentials';
import { Wiro } from '../nodes/Wiro/Wiro.node';
import { mapperValue, otherModelParameters, schemaFor } from './fixtures/otherModel';
import {
	disposeWorkflowRunner,
	runWorkflow,
	workflowNode,
	type RunWorkflowResult,
} from '../dev/workflow-runner';
import { waitFor, WiroServer } from '../dev/wiro-server';
import { bodiesAt, signatureCredentials } from '../dev/workflow-runner/runWiro';

/**
 * The Wiro node as an AI agent tool, through n8n-core's own tool contract: an agent node asks
 * `getInputConnectionData('ai_tool')`, n8n-core wraps the connected node with `createNodeAsTool`
 * (a LangChain DynamicStructuredTool whose schema comes from the node's `$fromAI()` calls), and
 * each call runs the node's `execute()` in a SupplyDataContext where `isToolExecution()` is true.
 * The tool variant of the node type (`wiroTool`) is made as n8n's CLI makes it for `usableAsTool`
 * nodes at load time (that step lives in packages/cli, not n8n-core).
 */
const TOOL_TYPE = 'n8n-nodes-wiro.wiroTool';
const AGENT_TYPE = 'n8n-nodes-test.agent';
const TOOL_NODE = 'Wiro Video';
const PROMPT =
	"={{ $fromAI('prompt', 'What the video shows: subject, action, setting, camera movement and style, in plain sentences', 'string') }}";

function toolVariant(node: Wiro): INodeType {
	const description = deepCopy(node.description) as INodeTypeDescription;
	description.name = `${description.name}Tool`;
	description.displayName = `${description.displayName} Tool`;
	description.inputs = [];
	description.outputs = [NodeConnectionTypes.AiTool];
	delete description.usableAsTool;
	description.properties = [
		{
			displayName: 'Tool Description',
			name: 'descriptionType',
			type: 'options',
			options: [
				{ name: 'Set Automatically', value: 'auto' },
				{ name: 'Set Manually', value: 'manual' },
			],
			default: 'auto',
		},
		{
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			default: description.description,
			displayOptions: { show: { descriptionType: ['manual'] } },
		},
		...description.properties,
	];
	return { description, methods: node.methods, execute: node.execute };
}

interface ToolLike {
	name: string;
	description: string;
	schema: { shape: Record<string, { description?: string }> };
	invoke: (args: Record<string, unknown>) => Promise<string>;
}

/** Calls its one tool with the arguments in its `args` parameter, as a model would, and reports what it saw. */
class ToolCallingAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Agent',
		name: 'agent',
		group: ['transform'],
		version: 1,
		description: 'Calls the connected tool once',
		defaults: { name: 'Agent' },
		inputs: [
			NodeConnectionTypes.Main,
			{ type: NodeConnectionTypes.AiTool, displayName: 'Tools', required: true },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Arguments', name: 'args', type: 'json', default: '{}' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const [tool] = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as ToolLike[];
		const args = JSON.parse(this.getNodeParameter('args', 0) as string) as Record<string, unknown>;
		const parameters = Object.fromEntries(
			Object.entries(tool.schema.shape).map(([key, value]) => [key, value.description ?? '']),
		);
		let response: string;
		try {
			response = await tool.invoke(args);
		} catch (error) {
			response = `Error: ${(error as Error).message}`;
		}
		return [
			[
				{
					json: { name: tool.name, description: tool.description, parameters, response },
					pairedItem: { item: 0 },
				},
			],
		];
	}
}

let server: WiroServer;

beforeAll(async () => {
	server = new WiroServer({ taskDurationMs: 300, outputSize: 16 * 1024 });
	await server.start();
});
afterEach(() => server.reset());
afterAll(async () => {
	await server.stop();
	await disposeWorkflowRunner();
});

async function callTool(
	parameters: INodeParameters,
	args: Record<string, unknown>,
): Promise<{ run: RunWorkflowResult; seen: Record<string, unknown> }> {
	const run = await runWorkflow({
		nodeTypes: { [TOOL_TYPE]: toolVariant(new Wiro()), [AGENT_TYPE]: new ToolCallingAgent() },
		credentialTypes: { wiroApi: new WiroApi() },
		credentials: { wiroApi: signatureCredentials(server) },
		nodes: [
			workflowNode('Agent', AGENT_TYPE, { args: JSON.stringify(args) }),
			workflowNode(TOOL_NODE, TOOL_TYPE, parameters),
		],
		connections: {
			[TOOL_NODE]: {
				[NodeConnectionTypes.AiTool]: [
					[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }],
				],
			},
		},
	});
	return { run, seen: run.output('Agent')[0]?.json ?? {} };
}

describe('The Wiro node as an AI agent tool (n8n-core createNodeAsTool)', () => {
	it('offers the prompt to the model and answers with a compact result, never pausing', async () => {
		const { run, seen } = await callTool(
			{
				resource: 'video',
				operation: 'generate',
				model: 'PixVerse/text-to-video-v5',
				prompt: PROMPT,
				waitMode: 'callback',
				options: { pollInterval: 0.2 },
			},
			{ prompt: 'A red kite over a green hill' },
		);
		expect(run.status).toBe('success');
		expect(run.waitTill).toBeUndefined();
		expect(seen).toMatchObject({ name: 'Wiro_Video', description: 'Generate a video in Wiro' });
		expect(seen.parameters).toEqual({ prompt: expect.stringMatching(/^What the video shows/) });
		expect(bodiesAt(server, 'Run/PixVerse/text-to-video-v5')[0]).toMatchObject({
			prompt: 'A red kite over a green hill',
		});
		expect(bodiesAt(server, 'Run/PixVerse/text-to-video-v5')[0].callbackUrl).toBeUndefined();

		const [result] = JSON.parse(String(seen.response)) as Array<Record<string, unknown>>;
		const task = server.tasks()[0];
		expect(result).toEqual({
			taskId: task.id,
			taskToken: task.socketaccesstoken,
			model: 'PixVerse/text-to-video-v5',
			status: 'task_postprocess_end',
			finished: true,
			succeeded: true,
			outputUrls: [task.outputs[0].url],
			outputs: [
				{ name: '0.mp4', url: task.outputs[0].url, contentType: 'video/mp4', size: 16 * 1024 },
			],
			cost: expect.any(Number),
			elapsedSeconds: expect.any(Number),
		});
		// Download Output is on by default: as a tool nothing is downloaded, so nothing is dropped.
		expect(server.requests.filter((request) => request.method === 'GET')).toHaveLength(0);
		// A tool call waits over the task socket too, and closes it before answering the agent.
		expect(server.stats.socketRegistrations).toBe(1);
		await waitFor(() => server.openSocketConnections === 0, 3000);
	});

	it('honours the time bound: the call ends at the timeout, names the task and stops it', async () => {
		const { run, seen } = await callTool(
			{
				resource: 'video',
				operation: 'generate',
				model: 'PixVerse/text-to-video-v5',
				prompt: PROMPT,
				options: { timeout: 1, pollInterval: 0.2 },
			},
			{ prompt: 'A very slow sunrise #duration=20000' },
		);
		expect(run.status).toBe('success');
		const task = server.tasks()[0];
		expect(seen.response).toMatch(
			new RegExp(
				`^Error: The Wiro task did not finish within 1 s \\(last status task_\\w+\\) \\(task ${task.id}, token ${task.socketaccesstoken}\\)`,
			),
		);
		expect(seen.response).toMatch(/The task was stopped on Wiro so it is not billed/);
		// Ended at the timeout, not with the 20 s task: it was stopped while still running.
		expect(server.stats.kill + server.stats.cancel).toBe(1);
		expect(task.status).toBe('task_cancel');
		expect(server.stats.socketConnections).toBe(1);
		await waitFor(() => server.openSocketConnections === 0, 3000);
	});

	it('runs an Other Model whose parameters the model fills in, file input as a URL', async () => {
		const slug = 'wiroai/Image-To-Video-Demo';
		const schema = await schemaFor(server, slug);
		const { run, seen } = await callTool(
			{
				...otherModelParameters(slug),
				modelParameters: mapperValue(schema, {
					inputImage:
						"={{ $fromAI('image_url', 'Public https URL of the image to animate', 'string') }}",
					prompt: PROMPT,
					motion: 0.5,
				}),
				options: { pollInterval: 0.2 },
			},
			{ image_url: 'https://example.com/cat.png', prompt: 'The cat blinks' },
		);
		expect(run.status).toBe('success');
		expect(Object.keys(seen.parameters as object).sort()).toEqual(['image_url', 'prompt']);
		expect(bodiesAt(server, `Run/${slug}`)[0]).toEqual({
			inputImage: '',
			inputImageUrl: 'https://example.com/cat.png',
			prompt: 'The cat blinks',
			motion: '0.5',
		});
		const [result] = JSON.parse(String(seen.response)) as Array<Record<string, unknown>>;
		expect(result).toMatchObject({
			model: slug,
			succeeded: true,
			outputUrls: [expect.any(String)],
		});
		expect(result.task).toBeUndefined();
	});

	it('tells the model what was wrong with its arguments, before any task starts', async () => {
		const { seen } = await callTool(
			{
				resource: 'video',
				operation: 'generate',
				model: 'wiroai/LTX-Video-Text2Video',
				prompt: PROMPT,
				width: "={{ $fromAI('width', 'Width in pixels, 64 to 1920', 'number') }}",
			},
			{ prompt: 'A fox', width: 5000 },
		);
		expect(seen.response).toMatch(
			/^Error: 'Width' must be a whole number from 64 to 1920, got 5000\n\nDetails: Enter a whole number between 64 and 1920 for 'Width'/,
		);
		expect(server.stats.run).toBe(0);
	});
});
