import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
} from 'n8n-workflow';

import { WiroApi } from '../../credentials/WiroApi.credentials';
import { Wiro } from '../../nodes/Wiro/Wiro.node';
import type { RunWorkflowResult } from './run-result';
import { runWorkflow, type RunWorkflowOptions } from './run-workflow';
import type { WiroServer } from '../wiro-server';

export const WIRO_NODE_TYPE = 'n8n-nodes-wiro.wiro';
export const NODE_NAME = 'Wiro';
export const SIGNATURE_KEY = 'test-key';
export const SIGNATURE_SECRET = 'test-secret';

/** The local server's signing project, with its Base URL and its task socket as WebSocket URL. */
export function signatureCredentials(server: WiroServer): ICredentialDataDecryptedObject {
	return {
		authentication: 'signature',
		apiKey: SIGNATURE_KEY,
		apiSecret: SIGNATURE_SECRET,
		baseUrl: server.baseUrl,
		socketUrl: server.socketUrl,
	};
}

export interface RunWiroOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	cancelAfterMs?: number;
	timeoutMs?: number;
	/** Where `$execution.resumeUrl` points (e.g. a CallbackReceiver's origin + /webhook-waiting). */
	webhookWaitingBaseUrl?: string;
}

/** Runs Manual Trigger -> items -> Wiro through n8n-core's WorkflowExecute, against the local server. */
export async function runWiro(
	server: WiroServer,
	options: RunWiroOptions,
): Promise<RunWorkflowResult> {
	return await runWorkflow(wiroWorkflow(server, options));
}

/** The workflow runWiro runs (kept for resuming a waiting run with the same options). */
export function wiroWorkflow(server: WiroServer, options: RunWiroOptions): RunWorkflowOptions {
	const node: INode = {
		id: 'wiro-node',
		name: NODE_NAME,
		type: WIRO_NODE_TYPE,
		typeVersion: 1,
		position: [400, 0],
		parameters: options.parameters,
		credentials: { wiroApi: { id: 'cred-1', name: 'Wiro account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	return {
		nodeTypes: { [WIRO_NODE_TYPE]: new Wiro() },
		credentialTypes: { wiroApi: new WiroApi() },
		// Credentials written by hand in a test get the local socket too, unless they say otherwise: a test never reaches Wiro.
		credentials: {
			wiroApi: {
				socketUrl: server.socketUrl,
				...(options.credentials ?? signatureCredentials(server)),
			},
		},
		nodes: [node],
		items: options.items ?? [{}],
		cancelAfterMs: options.cancelAfterMs,
		timeoutMs: options.timeoutMs ?? 30_000,
		webhookWaitingBaseUrl: options.webhookWaitingBaseUrl,
	};
}

/** Bodies of the requests the server received at one endpoint, e.g. `Run/PixVerse/text-to-video-v5`. */
export function bodiesAt(server: WiroServer, endpoint: string): Array<Record<string, unknown>> {
	return server.requests
		.filter((request) => request.path === `/v1/${endpoint}`)
		.map((request) => request.body as Record<string, unknown>);
}
