import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	sleep,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	binaryFilePath,
	binaryToBuffer,
	clearCredentialRequests,
	credentialRequests,
	disposeWorkflowRunner,
	resumeWorkflow,
	runWebhook,
	runWebhookMethod,
	runWorkflow,
} from '../dev/workflow-runner';

// ---------------------------------------------------------------- local server

const video = randomBytes(3 * 1024 * 1024 + 17);
let server: Server;
let baseUrl = '';
let flakyCalls = 0;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function route(req: IncomingMessage, res: ServerResponse): void {
	const path = new URL(req.url ?? '/', 'http://local').pathname;
	if (path === '/headers') return sendJson(res, 200, { headers: req.headers });
	if (path === '/flaky-auth') {
		flakyCalls += 1;
		if (flakyCalls === 1) return sendJson(res, 401, { message: 'nonce expired' });
		return sendJson(res, 200, { headers: req.headers });
	}
	if (path === '/fail') return sendJson(res, 500, { message: 'boom', code: 42 });
	if (path === '/slow') return; // never answers: only a cancel ends the request
	if (path === '/video.mp4') {
		res.writeHead(200, { 'content-type': 'video/mp4' });
		for (let offset = 0; offset < video.length; offset += 65536) {
			res.write(video.subarray(offset, offset + 65536));
		}
		return void res.end();
	}
	sendJson(res, 404, { message: 'not found' });
}

beforeAll(async () => {
	server = createServer(route);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	disposeWorkflowRunner();
});

beforeEach(() => {
	clearCredentialRequests();
	flakyCalls = 0;
});

// ---------------------------------------------------------------- dummy types

const dummyApi: ICredentialType = {
	name: 'dummyApi',
	displayName: 'Dummy API',
	properties: [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
	],
	// A fresh nonce per call, overwriting the previous attempt's (n8n re-authenticates on 401).
	authenticate: async (
		credentials: ICredentialDataDecryptedObject,
		options: IHttpRequestOptions,
	) => {
		await sleep(1);
		options.headers = {
			...options.headers,
			'x-api-key': String(credentials.apiKey),
			'x-nonce': randomUUID(),
		};
		return options;
	},
};

const bearerApi: ICredentialType = {
	name: 'bearerApi',
	displayName: 'Bearer API',
	properties: [{ displayName: 'Token', name: 'token', type: 'string', default: '' }],
	authenticate: {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
	},
};

function description(
	name: string,
	extra: Partial<INodeTypeDescription> = {},
): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: `Runner test node ${name}`,
		defaults: { name },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/headers' }],
		...extra,
	};
}

/** (a) Authenticated GET; outputs the headers the server received. */
class HeadersNode implements INodeType {
	description = description('headersNode', {
		credentials: [
			{ name: 'dummyApi', required: false },
			{ name: 'bearerApi', required: false },
		],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '/headers' },
			{ displayName: 'Credential', name: 'credential', type: 'string', default: 'dummyApi' },
			{ displayName: 'Handle Errors', name: 'handleErrors', type: 'boolean', default: true },
		],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			try {
				const url = `${baseUrl}${String(this.getNodeParameter('path', i))}`;
				const credential = String(this.getNodeParameter('credential', i));
				// `.call(this, ...)`: the helper reads credentials and the cancel signal from `this`.
				const body: unknown = await this.helpers.httpRequestWithAuthentication.call(
					this,
					credential,
					{
						url,
						json: true,
					},
				);
				output.push({ json: { received: body as IDataObject }, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail() || this.getNodeParameter('handleErrors', i) === false)
					throw error;
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [output];
	}
}

/** (b) Streams a download into binary data. */
class DownloadNode implements INodeType {
	description = description('downloadNode');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const response: unknown = await this.helpers.httpRequest({
			url: `${baseUrl}/video.mp4`,
			encoding: 'stream',
			returnFullResponse: true,
		});
		const { body, statusCode } = response as { body: Readable; statusCode: number };
		const binary = await this.helpers.prepareBinaryData(body, 'x.mp4', 'video/mp4');
		return [[{ json: { statusCode }, binary: { data: binary }, pairedItem: { item: 0 } }]];
	}
}

const MAX_POLLS = 1000;

/** Every PollingNode run of this file, oldest first: whether its execute() has returned yet. */
interface PollingRun {
	returned: boolean;
	finished: Promise<INodeExecutionData[][]>;
}
const pollingRuns: PollingRun[] = [];

async function pollUntilCancelled(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const signal = context.getExecutionCancelSignal();
	const ignoreCancel = context.getNodeParameter('ignoreCancel', 0) === true;
	const maxPolls = Number(context.getNodeParameter('maxPolls', 0));
	let polls = 0;
	while ((ignoreCancel || !signal?.aborted) && polls < maxPolls) {
		polls += 1;
		await sleep(20);
	}
	if (signal?.aborted && context.getNodeParameter('throwOnCancel', 0) === true) {
		throw new NodeOperationError(context.getNode(), 'Stopped while polling', {
			description: `after ${polls} polls`,
		});
	}
	return [[{ json: { aborted: signal?.aborted === true, polls }, pairedItem: { item: 0 } }]];
}

/** (c) Polls with `sleep` (20 ms) until the execution is cancelled or Max Polls is reached. */
class PollingNode implements INodeType {
	description = description('pollingNode', {
		properties: [
			{ displayName: 'Throw On Cancel', name: 'throwOnCancel', type: 'boolean', default: false },
			{ displayName: 'Ignore Cancel', name: 'ignoreCancel', type: 'boolean', default: false },
			{ displayName: 'Max Polls', name: 'maxPolls', type: 'number', default: MAX_POLLS },
		],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const run: PollingRun = { returned: false, finished: pollUntilCancelled(this) };
		pollingRuns.push(run);
		const mark = () => (run.returned = true);
		run.finished.then(mark, mark);
		return await run.finished;
	}
}

/** Hands out `$execution.resumeUrl`, pauses; its webhook() resumes with the callback body. */
class WaitingNode implements INodeType {
	description = description('waitingNode', {
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '',
				restartWebhook: true,
			},
		],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resumeUrl = this.evaluateExpression('{{ $execution.resumeUrl }}', 0);
		await this.putExecutionToWait(new Date(Date.now() + 60_000));
		return [
			this.getInputData().map((item, i) => ({
				json: { ...item.json, resumeUrl: String(resumeUrl) },
				pairedItem: { item: i },
			})),
		];
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return { workflowData: [this.helpers.returnJsonArray({ callback: this.getBodyData() })] };
	}
}

/** Verifies an HMAC of the raw body before accepting the delivery. */
class SignedTrigger implements INodeType {
	description = description('signedTrigger', {
		group: ['trigger'],
		inputs: [],
		credentials: [{ name: 'dummyApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'wiro' }],
		properties: [],
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { apiKey } = await this.getCredentials<{ apiKey: string }>('dummyApi');
		const raw = (this.getRequestObject() as unknown as { rawBody: Buffer }).rawBody;
		const expected = createHmac('sha256', apiKey).update(raw).digest('hex');
		if (this.getHeaderData()['x-signature'] !== expected) {
			this.getResponseObject().status(401).json({ error: 'bad signature' });
			return { noWebhookResponse: true };
		}
		const data = this.getWorkflowStaticData('node');
		data.deliveries = Number(data.deliveries ?? 0) + 1;
		return { workflowData: [this.helpers.returnJsonArray(this.getBodyData())] };
	}

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return this.getWorkflowStaticData('node').registeredUrl !== undefined;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				this.getWorkflowStaticData('node').registeredUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				delete this.getWorkflowStaticData('node').registeredUrl;
				return true;
			},
		},
	};
}

const nodeTypes = {
	'test.headersNode': new HeadersNode(),
	'test.downloadNode': new DownloadNode(),
	'test.pollingNode': new PollingNode(),
	'test.waitingNode': new WaitingNode(),
	'test.signedTrigger': new SignedTrigger(),
};

function node(name: string, type: keyof typeof nodeTypes, extra: Partial<INode> = {}): INode {
	return {
		id: randomUUID(),
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...extra,
	};
}

const credentialTypes = { dummyApi, bearerApi };
const credentials = { dummyApi: { apiKey: 'key-123' }, bearerApi: { token: 'tok-9' } };

// ---------------------------------------------------------------- tests

describe('runWorkflow: credentials and HTTP', () => {
	it('runs the async authenticate function once per request, with a fresh nonce each time', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			items: [{ n: 1 }, { n: 2 }],
			nodes: [node('Call', 'test.headersNode')],
		});
		expect(result.status).toBe('success');
		expect(result.output('Items').map((item) => item.json)).toEqual([{ n: 1 }, { n: 2 }]);
		const headers = result
			.output('Call')
			.map((item) => (item.json.received as { headers: Record<string, string> }).headers);
		expect(headers.map((h) => h['x-api-key'])).toEqual(['key-123', 'key-123']);
		expect(headers[0]['x-nonce']).not.toEqual(headers[1]['x-nonce']);
		expect(credentialRequests().map((r) => r.headers['x-nonce'])).toEqual(
			headers.map((h) => h['x-nonce']),
		);
	});

	it('re-authenticates and resends once after a 401, as n8n-core does', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			nodes: [node('Call', 'test.headersNode', { parameters: { path: '/flaky-auth' } })],
		});
		expect(result.status).toBe('success');
		expect(flakyCalls).toBe(2);
		const [first, second] = credentialRequests();
		expect(credentialRequests()).toHaveLength(2);
		expect(first.headers['x-nonce']).not.toEqual(second.headers['x-nonce']);
	});

	it('resolves a generic (declarative) authenticate object', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			nodes: [node('Call', 'test.headersNode', { parameters: { credential: 'bearerApi' } })],
		});
		const [item] = result.output('Call');
		expect((item.json.received as { headers: Record<string, string> }).headers.authorization).toBe(
			'Bearer tok-9',
		);
	});

	it('fails the execution with a NodeApiError copy carrying the HTTP status', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			nodes: [node('Call', 'test.headersNode', { parameters: { path: '/fail' } })],
		});
		expect(result.status).toBe('error');
		// n8n 2.41: generic message per status, the body's message as description.
		expect(result.nodeError('Call')).toMatchObject({
			name: NodeApiError.name,
			httpCode: '500',
			message: 'The service was not able to process your request',
			description: 'boom',
			context: { data: { message: 'boom', code: 42 } },
			messages: ['Request failed with status code 500'],
		});
		expect(result.error?.message).toBe(result.nodeError('Call')?.message);
	});

	it('honours continueOnFail handled by the node', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			items: [{ n: 1 }],
			nodes: [
				node('Call', 'test.headersNode', { parameters: { path: '/fail' }, continueOnFail: true }),
			],
		});
		expect(result.status).toBe('success');
		expect(result.output('Call')[0].json.error).toEqual(expect.any(String));
	});

	it("passes the input through when onError is 'continueRegularOutput' and the node throws", async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			items: [{ n: 7 }],
			nodes: [
				node('Call', 'test.headersNode', {
					parameters: { path: '/fail', handleErrors: false },
					onError: 'continueRegularOutput',
				}),
				node('Next', 'test.pollingNode', { disabled: true }),
			],
		});
		expect(result.status).toBe('success');
		expect(result.nodeError('Call')).toMatchObject({ httpCode: '500' });
		expect(result.output('Call').map((item) => item.json)).toEqual([{ n: 7 }]);
		expect(result.output('Next').map((item) => item.json)).toEqual([{ n: 7 }]);
	});

	it('marks the execution as error when the failing continue-on-fail node is the last one', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			nodes: [
				node('Call', 'test.headersNode', {
					parameters: { path: '/fail', handleErrors: false },
					continueOnFail: true,
				}),
			],
		});
		expect(result.status).toBe('error');
		expect(result.output('Call')).toHaveLength(1);
	});
});

describe('runWorkflow: binary data', () => {
	it('streams a download to disk (filesystem mode) and reads it back', async () => {
		const result = await runWorkflow({ nodeTypes, nodes: [node('Download', 'test.downloadNode')] });
		expect(result.status).toBe('success');
		const binary = result.output('Download')[0].binary?.data;
		expect(binary).toMatchObject({ mimeType: 'video/mp4', fileName: 'x.mp4', bytes: video.length });
		expect(binary?.id).toMatch(/^filesystem-v2:/);
		const path = binary ? await binaryFilePath(binary) : undefined;
		expect(path !== undefined && existsSync(path)).toBe(true);
		expect(binary && (await binaryToBuffer(binary)).equals(video)).toBe(true);
	});
});

describe('runWorkflow: cancel', () => {
	it('aborts getExecutionCancelSignal() and keeps the partial output', async () => {
		const result = await runWorkflow({
			nodeTypes,
			cancelAfterMs: 200,
			nodes: [node('Poll', 'test.pollingNode')],
		});
		expect(result.status).toBe('canceled');
		expect(result.canceled).toBe(true);
		// Stopped by the signal, long before its last poll.
		expect(result.output('Poll')[0].json).toMatchObject({ aborted: true });
		expect(result.output('Poll')[0].json.polls).toBeLessThan(MAX_POLLS);
		expect(result.error).toMatchObject({ name: 'ManualExecutionCancelledError' });
	});

	it('records the error of a node that throws when cancelled', async () => {
		const result = await runWorkflow({
			nodeTypes,
			cancelAfterMs: 150,
			nodes: [node('Poll', 'test.pollingNode', { parameters: { throwOnCancel: true } })],
		});
		expect(result.status).toBe('canceled');
		expect(result.nodeError('Poll')?.message).toBe('Stopped while polling');
		// n8n stores 'canceled'; the engine's own IRun says 'error' (message lacks "canceled").
		expect(result.runExecutionData.status).toBe('error');
	});

	it('returns after the grace period when a node ignores the cancel signal', async () => {
		const result = await runWorkflow({
			nodeTypes,
			cancelAfterMs: 50,
			cancelGraceMs: 50,
			nodes: [
				node('Poll', 'test.pollingNode', { parameters: { ignoreCancel: true, maxPolls: 20 } }),
			],
		});
		const stray = pollingRuns[pollingRuns.length - 1];
		// The run came back while the node was still polling (20 polls of 20 ms outlast 50 + 50 ms).
		expect(stray.returned).toBe(false);
		expect(result.status).toBe('canceled');
		expect(result.runs('Poll')).toHaveLength(0);
		await stray.finished; // let the stray node finish inside this test
	});

	it('rejects when timeoutMs passes, after cancelling the run', async () => {
		const run = runWorkflow({
			nodeTypes,
			timeoutMs: 100,
			cancelGraceMs: 50,
			nodes: [
				node('Poll', 'test.pollingNode', { parameters: { ignoreCancel: true, maxPolls: 15 } }),
			],
		});
		await expect(run).rejects.toThrow(/timed out \(still running after cancel\)/);
		await pollingRuns[pollingRuns.length - 1].finished;
	});

	it('aborts an in-flight httpRequestWithAuthentication', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			cancelAfterMs: 200,
			nodes: [node('Call', 'test.headersNode', { parameters: { path: '/slow' } })],
		});
		expect(result.status).toBe('canceled');
		expect(result.nodeError('Call')).toBeDefined();
		// axios aborted by the signal httpRequestWithAuthentication attaches.
		expect(result.nodeError('Call')).toMatchObject({
			message: 'canceled',
			httpCode: 'ERR_CANCELED',
		});
	});
});

describe('runWorkflow: waiting', () => {
	it('returns status waiting with waitTill, and $execution.resumeUrl is signed', async () => {
		const result = await runWorkflow({
			nodeTypes,
			items: [{ prompt: 'a cat' }],
			webhookWaitingBaseUrl: 'https://n8n.example.com/webhook-waiting',
			nodes: [node('Wait', 'test.waitingNode'), node('After', 'test.pollingNode')],
		});
		expect(result.status).toBe('waiting');
		expect(result.waitTill).toBeInstanceOf(Date);
		const [item] = result.output('Wait');
		expect(item.json.resumeUrl).toBe(result.resumeUrl);
		expect(result.resumeUrl).toBe(
			`https://n8n.example.com/webhook-waiting/${result.executionId}?signature=${result.resumeToken}`,
		);
		expect(result.runs('After')).toHaveLength(0);
	});
});

describe('webhook context', () => {
	const trigger = node('Trigger', 'test.signedTrigger', { webhookId: randomUUID() });
	const rawBody = JSON.stringify({ taskid: 't1', status: 'task_postprocess_end' });
	const signature = createHmac('sha256', 'key-123').update(rawBody).digest('hex');

	it('accepts a correctly signed delivery and returns workflowData', async () => {
		const call = await runWebhook({
			nodeTypes,
			credentialTypes,
			credentials,
			node: trigger,
			rawBody,
			headers: { 'Content-Type': 'application/json', 'X-Signature': signature },
		});
		expect(call.returned.workflowData?.[0][0].json).toEqual({
			taskid: 't1',
			status: 'task_postprocess_end',
		});
		expect(call.response.ended).toBe(false);
		expect(call.staticData).toMatchObject({ 'node:Trigger': { deliveries: 1 } });
	});

	it('runs webhookMethods in a HookContext with the production webhook URL', async () => {
		const options = { nodeTypes, credentialTypes, credentials, node: trigger, staticData: {} };
		const created = await runWebhookMethod(options, 'create');
		const url = `http://127.0.0.1:5678/webhook/${trigger.webhookId}/wiro`;
		expect(created).toMatchObject({ returned: true, webhookUrl: url });
		expect(created.staticData).toMatchObject({ 'node:Trigger': { registeredUrl: url } });
		const exists = await runWebhookMethod(
			{ ...options, staticData: created.staticData },
			'checkExists',
		);
		expect(exists.returned).toBe(true);
	});

	it('answers 401 itself for a bad signature', async () => {
		const call = await runWebhook({
			nodeTypes,
			credentialTypes,
			credentials,
			node: trigger,
			rawBody,
			headers: { 'content-type': 'application/json', 'x-signature': 'nope' },
		});
		expect(call.returned).toEqual({ noWebhookResponse: true });
		expect(call.response).toMatchObject({
			statusCode: 401,
			body: { error: 'bad signature' },
			ended: true,
		});
	});

	const waitNode = node('Wait', 'test.waitingNode');
	const waitWorkflow = {
		nodeTypes,
		items: [{ prompt: 'a cat' }],
		nodes: [waitNode, node('After', 'test.pollingNode', { disabled: true })],
	};

	it('resumes a waiting node through its restart webhook, then runs the rest', async () => {
		const waiting = await runWorkflow(waitWorkflow);
		const call = await runWebhook({
			nodeTypes,
			node: waitNode,
			mode: waiting.runExecutionData.mode,
			executionId: waiting.executionId,
			runExecutionData: waiting.runExecutionData.data,
			body: { status: 'done' },
		});
		expect(call.returned.workflowData?.[0][0].json).toEqual({ callback: { status: 'done' } });

		const resumed = await resumeWorkflow(waitWorkflow, waiting, call.returned);
		expect(resumed.status).toBe('success');
		expect(resumed.runs('Wait')).toHaveLength(1);
		expect(resumed.output('Wait').map((item) => item.json)).toEqual([
			{ callback: { status: 'done' } },
		]);
		expect(resumed.output('After').map((item) => item.json)).toEqual([
			{ callback: { status: 'done' } },
		]);
	});

	it('resumes at waitTill without webhook(): the input items flow on unchanged', async () => {
		const waiting = await runWorkflow(waitWorkflow);
		const resumed = await resumeWorkflow(waitWorkflow, waiting);
		expect(resumed.status).toBe('success');
		expect(resumed.output('After').map((item) => item.json)).toEqual([{ prompt: 'a cat' }]);
	});
});
