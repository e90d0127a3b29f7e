import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	runWorkflow,
	type RunWorkflowOptions,
	type RunWorkflowResult,
} from '../../dev/workflow-runner';
import type { WiroServer } from '../../dev/wiro-server';
import {
	NODE_NAME,
	signatureCredentials as signatureCredentialsOf,
	wiroWorkflow,
} from '../../dev/workflow-runner/runWiro';

export const WIRO_NODE_NAME = NODE_NAME;
const PIXVERSE = 'PixVerse/text-to-video-v5';

export interface GenerateRun {
	/** Prompts, one item each; server directives such as `#duration=6000` script the task. */
	prompts: string[];
	/** The Generate node's `options` collection (pollInterval, maxConcurrency, download...). */
	options?: INodeParameters;
	waitMode?: 'poll' | 'callback';
	continueOnFail?: boolean;
	timeoutMs: number;
	/** Where `$execution.resumeUrl` points (callback mode). */
	webhookWaitingBaseUrl?: string;
	/** Whether the credential names the server's task socket (default); false leaves it empty, so the node polls. */
	socket?: boolean;
}

export interface GenerateResult {
	run: RunWorkflowResult;
	items: INodeExecutionData[];
	wallMs: number;
	/** Date.now() when the workflow run returned, comparable with the server's task end times. */
	returnedAt: number;
}

export function signatureCredentials(server: WiroServer): RunWorkflowOptions['credentials'] {
	return { wiroApi: signatureCredentialsOf(server) };
}

/** Manual Trigger -> items -> Wiro (Video > Generate), as runWorkflow and resumeWorkflow take it. */
export function generateWorkflow(server: WiroServer, settings: GenerateRun): RunWorkflowOptions {
	return wiroWorkflow(server, {
		parameters: {
			resource: 'video',
			operation: 'generate',
			model: PIXVERSE,
			prompt: '={{ $json.prompt }}',
			waitMode: settings.waitMode ?? 'poll',
			options: settings.options ?? {},
		},
		items: settings.prompts.map((prompt) => ({ prompt })),
		continueOnFail: settings.continueOnFail,
		credentials:
			settings.socket === false ? { ...signatureCredentialsOf(server), socketUrl: '' } : undefined,
		timeoutMs: settings.timeoutMs,
		webhookWaitingBaseUrl: settings.webhookWaitingBaseUrl,
	});
}

/** Runs the Generate workflow through n8n-core's WorkflowExecute, as n8n does, against `server`. */
export async function runGenerate(
	server: WiroServer,
	settings: GenerateRun,
): Promise<GenerateResult> {
	const started = performance.now();
	const run = await runWorkflow(generateWorkflow(server, settings));
	const returnedAt = Date.now();
	return {
		run,
		items: run.output(WIRO_NODE_NAME),
		wallMs: performance.now() - started,
		returnedAt,
	};
}
