import { randomBytes } from 'node:crypto';
import { ExecutionLifecycleHooks, WAITING_TOKEN_QUERY_PARAM, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	UnexpectedError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type INode,
	type IRunExecutionData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type Workflow,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { buildAdditionalData, type RunnerUrls } from './additional-data';
import { assembleWorkflow } from './assemble-workflow';
import { RunnerCredentialsHelper } from './credentials-helper';
import { prepareEnvironment } from './environment';
import type { NodeTypeMap } from './node-types';
import { buildResult, type RunWorkflowResult } from './run-result';
import { superviseExecution, type RunningExecution } from './supervise';
import { createRunnerWorkflow, WORKFLOW_ID } from './workflow-factory';

export interface RunWorkflowOptions extends RunnerUrls {
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

interface PreparedRun {
	workflow: Workflow;
	additionalData: IWorkflowExecuteAdditionalData;
	startNodeName: string;
	mode: WorkflowExecuteMode;
}

let executionCounter = 0;

async function prepareRun(options: RunWorkflowOptions, executionId: string): Promise<PreparedRun> {
	await prepareEnvironment();
	const mode = options.mode ?? 'manual';
	const assembled = assembleWorkflow(options);
	const { workflow, workflowData } = createRunnerWorkflow({
		...options,
		...assembled,
		credentialTypeNames: Object.keys(options.credentials ?? {}),
		active: false,
	});
	const additionalData = buildAdditionalData({
		executionId,
		workflowId: WORKFLOW_ID,
		hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData),
		urls: options,
		credentialsHelper: new RunnerCredentialsHelper(options.credentialTypes ?? {}, {
			...options.credentials,
		}),
	});
	return { workflow, additionalData, startNodeName: assembled.startNode.name, mode };
}

async function finish(
	options: RunWorkflowOptions,
	execution: WorkflowExecute,
	running: RunningExecution,
	ids: { executionId: string; resumeToken: string; waitingBaseUrl: string },
): Promise<RunWorkflowResult> {
	const startedAt = new Date();
	const { run, canceled } = await superviseExecution(running, {
		executionId: ids.executionId,
		timeoutMs: options.timeoutMs ?? 30_000,
		cancelAfterMs: options.cancelAfterMs,
		cancelGraceMs: options.cancelGraceMs ?? 5000,
		snapshot: () => execution.getFullRunData(startedAt),
	});
	const resumeUrl = new URL(`${ids.waitingBaseUrl}/${ids.executionId}`);
	resumeUrl.searchParams.set(WAITING_TOKEN_QUERY_PARAM, ids.resumeToken);
	return buildResult({
		run,
		// What n8n stores: a stopped execution is 'canceled' whatever the node did.
		status: canceled ? 'canceled' : run.status,
		executionId: ids.executionId,
		resumeToken: ids.resumeToken,
		resumeUrl: resumeUrl.toString(),
		canceled,
	});
}

/** Executes a workflow through n8n-core's WorkflowExecute, as n8n's runner does. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RunWorkflowResult> {
	const executionId = options.executionId ?? String(++executionCounter);
	const prepared = await prepareRun(options, executionId);
	// n8n 2.x gives every execution a token; $execution.resumeUrl carries it as ?signature=
	const resumeToken = randomBytes(16).toString('hex');
	const { workflow, additionalData, mode } = prepared;
	const execution = new WorkflowExecute(
		additionalData,
		mode,
		createRunExecutionData({ resumeToken }),
	);
	const startNode = workflow.getNode(prepared.startNodeName) ?? undefined;
	const running = execution.run({ workflow, startNode });
	const waitingBaseUrl = additionalData.webhookWaitingBaseUrl;
	return await finish(options, execution, running, { executionId, resumeToken, waitingBaseUrl });
}

/** What n8n's waiting-webhook handler does to the stored run before resuming it. */
function applyWebhookResume(data: IRunExecutionData, response: IWebhookResponseData): void {
	const [entry] = data.executionData?.nodeExecutionStack ?? [];
	const lastNode = data.resultData.lastNodeExecuted;
	if (entry === undefined || lastNode === undefined) {
		throw new UnexpectedError('The run given to resumeWorkflow is not waiting on a node');
	}
	if (response.workflowData === undefined) {
		throw new UnexpectedError('webhook() returned no workflowData: n8n would not resume the run');
	}
	entry.node.disabled = true; // so the node passes the webhook's items through
	data.waitTill = undefined;
	data.resultData.runData[lastNode]?.pop();
	entry.data.main = response.workflowData;
	entry.metadata = { ...entry.metadata, forwardAllOutputs: true };
}

/**
 * Continues a waiting run (same options as the first run). With the result of
 * the node's `webhook()` (from runWebhook) it resumes as when the resume URL is
 * called; without it, as when `waitTill` passes (the node's input flows on).
 */
export async function resumeWorkflow(
	options: RunWorkflowOptions,
	waiting: RunWorkflowResult,
	webhookResponse?: IWebhookResponseData,
): Promise<RunWorkflowResult> {
	if (waiting.status !== 'waiting') throw new UnexpectedError('resumeWorkflow needs a waiting run');
	const { executionId, resumeToken } = waiting;
	const prepared = await prepareRun(options, executionId);
	const { workflow, additionalData, mode } = prepared;
	additionalData.restartExecutionId = executionId;
	const data = structuredClone(waiting.runExecutionData.data);
	if (webhookResponse !== undefined) applyWebhookResume(data, webhookResponse);
	const execution = new WorkflowExecute(additionalData, mode, data);
	const running = execution.processRunExecutionData(workflow);
	const waitingBaseUrl = additionalData.webhookWaitingBaseUrl;
	return await finish(options, execution, running, { executionId, resumeToken, waitingBaseUrl });
}
