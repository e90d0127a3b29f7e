/**
 * Manual check of this library against a throwaway package (not a test):
 * installs n8n if needed, runs a workflow through the CLI, then starts the
 * server and calls a webhook. Prints timings.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { nodeOutputJson } from './execution-result';
import { ensureN8n } from './install';
import { N8nInstance, type WorkflowToImport } from './instance';
import { writeSmokePackage } from './smoke-package';

const CREDENTIAL = { id: 'SmokeCredential1', name: 'Smoke credential', type: 'smokeApi', data: { token: 'secret-token' } };

function manualWorkflow(id: string, greeting: string): WorkflowToImport {
	return {
		id,
		name: `Smoke ${greeting}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: randomUUID(),
				name: 'Smoke',
				type: 'n8n-nodes-smoke.smoke',
				typeVersion: 1,
				position: [200, 0],
				parameters: { greeting },
				credentials: { smokeApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'Smoke', type: 'main', index: 0 }]] } },
	};
}

function webhookWorkflow(id: string): WorkflowToImport {
	return {
		id,
		name: 'Smoke webhook',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: randomUUID(),
				name: 'Hook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: 'smoke-hook', responseMode: 'onReceived', options: {} },
			},
			{ id: randomUUID(), name: 'Smoke', type: 'n8n-nodes-smoke.smoke', typeVersion: 1, position: [200, 0], parameters: { greeting: 'webhook' } },
		],
		connections: { Hook: { main: [[{ node: 'Smoke', type: 'main', index: 0 }]] } },
	};
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const startedAt = Date.now();
	const result = await work();
	console.log(`TIMING ${label}: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
	return result;
}

async function main(): Promise<void> {
	const install = await timed('ensureN8n', () => ensureN8n());
	const packageDir = await writeSmokePackage();
	const instance = await N8nInstance.create({ install, packageDir });
	try {
		await timed('import credentials', () => instance.importCredentials([CREDENTIAL]));
		await timed('import workflow', () => instance.importWorkflow(manualWorkflow('SmokeManualFlow1', 'world')));
		const ok = await timed('execute (cold)', () => instance.execute('SmokeManualFlow1'));
		console.log('execute status', ok.status, 'last node', ok.lastNodeExecuted, JSON.stringify(nodeOutputJson(ok, 'Smoke')));

		await instance.importWorkflow(manualWorkflow('SmokeFailFlow001', 'boom'));
		const failed = await timed('execute (failing)', () => instance.execute('SmokeFailFlow001'));
		console.log('failing status', failed.status, 'error', JSON.stringify(failed.error?.['message']), 'node', JSON.stringify(failed.error?.['node']));

		await instance.importWorkflow(webhookWorkflow('SmokeWebhookFlw1'));
		await timed('publish', () => instance.publishWorkflow('SmokeWebhookFlw1'));
		await timed('server start', () => instance.start());
		const access = await timed('owner + api key', () => instance.setupOwnerAndApiKey());
		console.log('api key length', access.apiKey.length);
		const types = await timed('getNodeTypes', () => instance.getNodeTypes());
		console.log('node types', types.nodes.length, types.nodes.filter((name) => name.startsWith('n8n-nodes-smoke')));
		console.log('credential smokeApi registered', types.credentials.includes('smokeApi'));

		const response = await fetch(instance.webhookUrl('smoke-hook'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ping: 1 }),
		});
		console.log('webhook answered', response.status, await response.text());
		const execution = await timed('wait for execution', () =>
			instance.waitForExecution((candidate) => candidate.status === 'success', 30_000, {
				workflowId: 'SmokeWebhookFlw1',
				includeData: true,
			}),
		);
		console.log('execution', execution.id, execution.mode, execution.status, JSON.stringify(execution.result ? nodeOutputJson(execution.result, 'Smoke') : null));
	} finally {
		await timed('stop', () => instance.stop());
		await rm(packageDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.stack : error);
	process.exitCode = 1;
});
