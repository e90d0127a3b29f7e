import { randomBytes } from 'node:crypto';
import { ExecutionLifecycleHooks, WAITING_TOKEN_QUERY_PARAM, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ExecutionStatus,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type INode,
	type IRun,
	type IWorkflowBase,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { buildAdditionalData, type HarnessUrls } from './additional-data';
import { assembleWorkflow } from './assemble-workflow';
import { HarnessCredentialsHelper } from './credentials-helper';
import { prepareEnvironment } from './environment';
import { builtInNodeTypes, HarnessNodeTypes, type NodeTypeMap } from './node-types';
import { buildResult, type RunWorkflowResult } from './run-result';
import { TIMED_OUT, within } from './settle';

export interface RunWorkflowOptions extends HarnessUrls {
	/** Keyed by full type name, e.g. 'n8n-nodes-wiro.wiro'. */
	nodeTypes: NodeTypeMap;
	/** Keyed by credential type name, e.g. 'wiroApi'. */
	credentialTypes?: Record<string, ICredentialType>;
	/** Plain credential data keyed by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	nodes: INode[];
	connections?: IConnections;
	/** Builds Manual Trigger -> 'Items' (emits these) -> nodes[0]. */
	items?: IDataObject[];
	/** Stops the execution like the editor's stop button after this delay. */
	cancelAfterMs?: number;
	/** After a cancel, how long a node may take to return (default 5000). */
	cancelGraceMs?: number;
	/** The whole run; rejects after cancelling when exceeded (default 30000). */
	timeoutMs?: number;
	/** Default 'manual' (editor "Execute workflow"; `$execution.mode` is 'test'). */
	mode?: WorkflowExecuteMode;
	executionId?: string;
	staticData?: IDataObject;
	settings?: IWorkflowSettings;
}

const WORKFLOW_ID = 'harnessWorkflow1';
let executionCounter = 0;

function withCredentials(nodes: INode[], nodeTypes: HarnessNodeTypes, available: string[]): INode[] {
	return nodes.map((node) => {
		if (node.credentials !== undefined) return node;
		const { credentials = [] } = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
		const usable = credentials.filter((credential) => available.includes(credential.name));
		if (usable.length === 0) return node;
		const entries = usable.map(({ name }) => [name, { id: `${name}-test`, name: `${name} (test)` }]);
		return { ...node, credentials: Object.fromEntries(entries) };
	});
}

function resumeUrlFor(base: string, executionId: string, token: string): string {
	const url = new URL(`${base}/${executionId}`);
	url.searchParams.set(WAITING_TOKEN_QUERY_PARAM, token);
	return url.toString();
}

/** Executes a workflow through n8n-core's WorkflowExecute, as the n8n runner does. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RunWorkflowResult> {
	await prepareEnvironment();
	const mode = options.mode ?? 'manual';
	const executionId = options.executionId ?? String(++executionCounter);
	const resumeToken = randomBytes(16).toString('hex');
	const nodeTypes = new HarnessNodeTypes({ ...builtInNodeTypes, ...options.nodeTypes });
	const assembled = assembleWorkflow(options);
	const nodes = withCredentials(assembled.nodes, nodeTypes, Object.keys(options.credentials ?? {}));
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...options.settings };
	const { connections } = assembled;
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: 'Harness workflow',
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: options.staticData,
		settings,
	});
	const workflowData: IWorkflowBase = {
		id: WORKFLOW_ID,
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const additionalData = buildAdditionalData({
		executionId,
		workflowId: WORKFLOW_ID,
		hooks,
		urls: options,
		credentialsHelper: new HarnessCredentialsHelper(
			options.credentialTypes ?? {},
			{ ...options.credentials },
		),
	});

	const startedAt = new Date();
	const execution = new WorkflowExecute(additionalData, mode, createRunExecutionData({ resumeToken }));
	const startNode = nodes.find((node) => node.name === assembled.startNode.name);
	const running = execution.run({ workflow, startNode });

	let canceled = false;
	let markCanceled = () => {};
	const cancelRequested = new Promise<void>((resolve) => (markCanceled = resolve));
	const cancel = () => {
		canceled = true;
		running.cancel(); // what ActiveExecutions.stopExecution does
		markCanceled();
	};
	const cancelTimer =
		options.cancelAfterMs === undefined ? undefined : setTimeout(cancel, options.cancelAfterMs);
	const graceMs = options.cancelGraceMs ?? 5000;
	// After a cancel n8n does not wait for the node; give it a grace period to
	// return its partial output, then take the run data as n8n would store it.
	const afterCancel = cancelRequested.then(async () => {
		const late = await within(running, graceMs);
		return late === TIMED_OUT ? execution.getFullRunData(startedAt) : late;
	});

	let finished: IRun;
	try {
		const outcome = await within(Promise.race([running, afterCancel]), options.timeoutMs ?? 30_000);
		if (outcome === TIMED_OUT) {
			if (!canceled) cancel();
			const late = await within(running, graceMs);
			const state = late === TIMED_OUT ? 'still running after cancel' : 'stopped after cancel';
			throw new Error(`runWorkflow: execution ${executionId} timed out (${state})`);
		}
		finished = outcome;
	} finally {
		clearTimeout(cancelTimer);
	}
	const status: ExecutionStatus = canceled ? 'canceled' : finished.status;
	const base = additionalData.webhookWaitingBaseUrl;
	return buildResult({
		run: finished,
		status,
		executionId,
		resumeToken,
		resumeUrl: resumeUrlFor(base, executionId, resumeToken),
		canceled,
	});
}
