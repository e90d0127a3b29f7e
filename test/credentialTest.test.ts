import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { WiroApi } from '../credentials/WiroApi.credentials';
import { disposeHarness, runWorkflow } from './harness';
import { WiroServer } from './server';

/**
 * Sends the credential's own test request the way n8n's credential test does: authenticated by the
 * credential, then the response checked against its rules. (The real n8n dialog is covered by the
 * end-to-end suite.)
 */
const credential = new WiroApi();

class CredentialProbe implements INodeType {
	description = {
		displayName: 'Probe', name: 'probe', group: ['transform'] as INodeTypeDescription['group'], version: 1, description: '', defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main], outputs: [NodeConnectionTypes.Main], credentials: [{ name: 'wiroApi', required: true }], properties: [],
	};

	async execute(this: IExecuteFunctions) {
		const { baseUrl } = await this.getCredentials('wiroApi');
		const request = credential.test.request as IHttpRequestOptions;
		const response = await this.helpers.httpRequestWithAuthentication.call(this, 'wiroApi', {
			...request, baseURL: String(baseUrl), returnFullResponse: true, ignoreHttpStatusErrors: true,
		});
		return [[{ json: response as IDataObject }]];
	}
}

let server: WiroServer;
beforeAll(async () => {
	server = new WiroServer();
	await server.start();
});
afterAll(async () => {
	await server.stop();
	await disposeHarness();
});

async function probe(apiSecret: string): Promise<{ statusCode: number; body: IDataObject }> {
	const result = await runWorkflow({
		nodeTypes: { 'test.probe': new CredentialProbe() },
		credentialTypes: { wiroApi: credential },
		credentials: { wiroApi: { authentication: 'signature', apiKey: 'test-key', apiSecret, baseUrl: server.baseUrl } },
		nodes: [{ id: 'p', name: 'Probe', type: 'test.probe', typeVersion: 1, position: [0, 0], parameters: {} }],
	});
	return result.output('Probe')[0].json as unknown as { statusCode: number; body: IDataObject };
}

function failsRules(body: IDataObject): boolean {
	return (credential.test.rules ?? []).some((rule) => {
		if (rule.type !== 'responseSuccessBody') return false;
		const errors = body.errors as Array<{ code: number }> | undefined;
		return rule.properties.key === 'errors[0].code' && errors?.[0]?.code === rule.properties.value;
	});
}

describe('the credential test', () => {
	it('passes with a good key and secret, and starts no task', async () => {
		const { statusCode, body } = await probe('test-secret');
		expect(statusCode).toBe(200);
		expect(failsRules(body)).toBe(false);
		expect(server.stats.tasksCreated).toBe(0);
		expect(server.requests.map((request) => request.path)).toEqual(['/v1/Task/Detail']);
	});

	it('fails with a wrong secret: Wiro answers 401', async () => {
		const { statusCode, body } = await probe('not-the-secret');
		expect(statusCode).toBe(401);
		expect(JSON.stringify(body)).toContain('Project authorization is not valid.');
	});
});
