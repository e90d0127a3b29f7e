import http from 'http';
import type { AddressInfo } from 'net';
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createEmptyRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialTestRequest,
	type IDataObject,
	type INode,
	type INodeCredentialTestResult,
	type INodeType,
} from 'n8n-workflow';

import { WiroApi } from '../credentials/WiroApi.credentials';
import {
	disposeWorkflowRunner,
	prepareEnvironment,
	testNodeDescription,
} from '../dev/workflow-runner';
import { buildAdditionalData } from '../dev/workflow-runner/additional-data';
import { RunnerCredentialsHelper } from '../dev/workflow-runner/credentials-helper';
import { RunnerNodeTypes } from '../dev/workflow-runner/node-types';
import { WiroServer } from '../dev/wiro-server';

/**
 * The credential's own `test`, run as n8n's CredentialsTester runs it
 * (n8n-io/n8n packages/cli/src/services/credentials-tester.service.ts, which is not published):
 * a one-off node type whose only property routes `test.request`, run by n8n-core's RoutingNode
 * in an ExecuteContext with the credential's data. So the `={{$credentials…}}` base URL is
 * resolved by n8n-workflow's expressions, the request is signed by the credential's
 * `authenticate` and sent by n8n-core's request helper. `judge` restates the tester's verdict
 * on the outcome, the one piece of n8n logic written out here.
 */
const credential = new WiroApi();
const TEST_NODE_TYPE = 'test.credentialTest';

function credentialTestNode(test: ICredentialTestRequest): INodeType {
	return {
		description: testNodeDescription({
			displayName: 'Temp',
			name: 'credentialTest',
			description: '',
			credentials: [{ name: credential.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		}),
	};
}

/** lodash `get` for the paths rules use, such as `errors[0].code`. */
function valueAt(data: unknown, path: string): unknown {
	return path
		.split(/[.[\]]/)
		.filter(Boolean)
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], data);
}

interface RequestFailure {
	message: string;
	cause?: { response?: { status: number; statusText?: string }; code?: string };
}

/** The tester's verdict: on a failed request its responseCode rules, then any non-2xx; on a 2xx its responseSuccessBody rules. */
function judge(
	test: ICredentialTestRequest,
	outcome: { error: RequestFailure } | { json: IDataObject },
): INodeCredentialTestResult {
	if ('error' in outcome) {
		const { response, code } = outcome.error.cause ?? {};
		if (response) {
			const rule = test.rules?.find(
				(candidate) =>
					candidate.type === 'responseCode' && candidate.properties.value === response.status,
			);
			if (rule) return { status: 'Error', message: rule.properties.message };
			if (response.status < 199 || response.status > 299) {
				return {
					status: 'Error',
					message: response.statusText || `Received HTTP status code: ${response.status}`,
				};
			}
		} else if (code) return { status: 'Error', message: code };
		return { status: 'Error', message: outcome.error.message };
	}
	for (const rule of test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			valueAt(outcome.json, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

async function testCredential(
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	await prepareEnvironment();
	const nodeType = credentialTestNode(credential.test);
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: TEST_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credential.name]: { id: 'test', name: 'Wiro' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new RunnerNodeTypes({ [TEST_NODE_TYPE]: nodeType }),
	});
	const additionalData = buildAdditionalData({
		workflowId: 'credential-test',
		credentialsHelper: new RunnerCredentialsHelper({ [credential.name]: credential }, {}),
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const credentialsDecrypted = { id: 'test', name: 'Wiro', type: credential.name, data };
	try {
		const response = await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
		return judge(credential.test, { json: response?.[0]?.[0]?.json ?? {} });
	} catch (error) {
		return judge(credential.test, { error: error as RequestFailure });
	}
}

let server: WiroServer;
beforeAll(async () => {
	server = new WiroServer();
	await server.start();
});
afterEach(() => server.reset());
afterAll(async () => {
	await server.stop();
	await disposeWorkflowRunner();
});

const signature = (apiKey: string, apiSecret: string) => ({
	authentication: 'signature',
	apiKey,
	apiSecret,
	baseUrl: server.baseUrl,
});

describe("the credential's own test request and rules, run as n8n runs them", () => {
	it('passes with a good key and secret, with one Task/Detail and no task started', async () => {
		expect(await testCredential(signature('test-key', 'test-secret'))).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /v1/Task/Detail',
		]);
		expect(server.requests[0].body).toEqual({ taskid: '0' });
		expect(server.stats.tasksCreated).toBe(0);
	});

	it('passes in API-key-only mode, sending no signature', async () => {
		expect(
			await testCredential({
				authentication: 'apiKey',
				apiKey: 'key-only',
				baseUrl: server.baseUrl,
			}),
		).toMatchObject({ status: 'OK' });
		expect(server.requests.every((request) => request.headers['x-signature'] === undefined)).toBe(
			true,
		);
	});

	it('accepts a base URL with a trailing slash', async () => {
		expect(
			await testCredential({
				...signature('test-key', 'test-secret'),
				baseUrl: `${server.baseUrl}/`,
			}),
		).toMatchObject({ status: 'OK' });
		expect(server.requests.map((request) => request.path)).toEqual(['/v1/Task/Detail']);
	});

	it('fails with a wrong secret: Wiro answers 401', async () => {
		expect(await testCredential(signature('test-key', 'not-the-secret'))).toEqual({
			status: 'Error',
			message: 'Unauthorized',
		});
		expect(server.requests.length).toBeGreaterThan(0);
		expect(server.requests.every((request) => request.path === '/v1/Task/Detail')).toBe(true);
	});

	it('fails with an unknown API key: Wiro answers 401', async () => {
		expect(await testCredential(signature('no-such-key', 'test-secret'))).toEqual({
			status: 'Error',
			message: 'Unauthorized',
		});
		expect(server.stats.tasksCreated).toBe(0);
	});

	it("fails with the rule's message when Wiro answers 200 with code 98 (sign in required)", async () => {
		const signIn = http.createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({ result: false, errors: [{ code: 98, message: 'Please sign in.' }] }),
			);
		});
		await new Promise<void>((resolve) => signIn.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = signIn.address() as AddressInfo;
			expect(
				await testCredential({
					...signature('test-key', 'test-secret'),
					baseUrl: `http://127.0.0.1:${port}/v1`,
				}),
			).toEqual({
				status: 'Error',
				message: 'Wiro asks to sign in: check the API key and the authentication mode',
			});
		} finally {
			await new Promise<void>((resolve) => signIn.close(() => resolve()));
		}
	});
});
