import { HookContext, WebhookContext } from 'n8n-core';
import {
	isNodeClassInstance,
	NodeHelpers,
	UnexpectedError,
	type Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type IHttpRequestMethods,
	type INode,
	type IRunExecutionData,
	type IWebhookData,
	type IWebhookDescription,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WebhookSetupMethodNames,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { buildAdditionalData, type RunnerUrls } from './additional-data';
import { RunnerCredentialsHelper } from './credentials-helper';
import { prepareEnvironment } from './environment';
import { makeRequest, ResponseRecorder, type RequestInput } from './http-doubles';
import type { NodeTypeMap } from './node-types';
import { createRunnerWorkflow, WORKFLOW_ID } from './workflow-factory';

export interface WebhookCallOptions extends RunnerUrls, Omit<RequestInput, 'method' | 'path'> {
	nodeTypes: NodeTypeMap;
	/** The node whose `webhook()` runs; supplied credential types are attached to it. */
	node: INode;
	/** The rest of the workflow, if the node reads other nodes. */
	otherNodes?: INode[];
	connections?: IConnections;
	credentialTypes?: Record<string, ICredentialType>;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Which entry of `description.webhooks` (default 'default'). */
	webhookName?: string;
	/** Default: the webhook description's httpMethod. */
	method?: IHttpRequestMethods;
	/** Default 'webhook'; use the waiting run's mode when resuming. */
	mode?: WorkflowExecuteMode;
	/** To resume a waiting node: `result.runExecutionData.data` of the waiting run. */
	runExecutionData?: IRunExecutionData;
	executionId?: string;
	/** Workflow static data; read it back from the result. */
	staticData?: IDataObject;
	isTest?: boolean;
}

export interface WebhookCall {
	context: WebhookContext;
	request: ReturnType<typeof makeRequest>;
	response: ResponseRecorder;
	workflow: Workflow;
	webhookData: IWebhookData;
}

export interface WebhookCallResult {
	/** What `webhook()` returned ({workflowData}, {noWebhookResponse}, ...). */
	returned: IWebhookResponseData;
	/** What the node wrote on `getResponseObject()`. */
	response: ResponseRecorder;
	/** Workflow static data after the call. */
	staticData: IDataObject;
}

function evaluate(workflow: Workflow, node: INode, value: unknown, fallback: string | boolean) {
	if (typeof value !== 'string' && typeof value !== 'boolean') return fallback;
	return workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{},
		undefined,
		fallback,
	);
}

/** IWebhookData as n8n's WebhookService.getNodeWebhooks builds it. */
function webhookDataFor(
	workflow: Workflow,
	node: INode,
	description: IWebhookDescription,
	additionalData: IWorkflowExecuteAdditionalData,
	isTest: boolean,
): IWebhookData {
	const rawPath = String(evaluate(workflow, node, description.path, '')).replace(/^\/+|\/+$/g, '');
	const isFullPath = evaluate(workflow, node, description.isFullPath, false) === true;
	const restart = evaluate(workflow, node, description.restartWebhook, false) === true;
	const method = String(evaluate(workflow, node, description.httpMethod, 'GET')).split(',')[0];
	return {
		httpMethod: method.trim() as IHttpRequestMethods,
		node: node.name,
		path: NodeHelpers.getNodeWebhookPath(WORKFLOW_ID, node, rawPath, isFullPath, restart),
		webhookDescription: description,
		workflowId: WORKFLOW_ID,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		isTest,
	};
}

interface WebhookSetup {
	workflow: Workflow;
	/** The workflow's copy of the node (with credentials attached). */
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
	webhookData: IWebhookData;
}

async function setUpWebhook(options: WebhookCallOptions): Promise<WebhookSetup> {
	await prepareEnvironment();
	const { workflow, nodeTypes } = createRunnerWorkflow({
		...options,
		nodes: [options.node, ...(options.otherNodes ?? [])],
		connections: options.connections ?? {},
		credentialTypeNames: Object.keys(options.credentials ?? {}),
		active: true,
	});
	const node = workflow.getNode(options.node.name);
	if (node === null) throw new UnexpectedError(`Node "${options.node.name}" is missing`);
	const { description } = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const name = options.webhookName ?? 'default';
	const webhook = description.webhooks?.find((entry) => entry.name === name);
	if (webhook === undefined) throw new UnexpectedError(`Node has no webhook named "${name}"`);
	const additionalData = buildAdditionalData({
		executionId: options.executionId,
		workflowId: WORKFLOW_ID,
		urls: options,
		credentialsHelper: new RunnerCredentialsHelper(options.credentialTypes ?? {}, {
			...options.credentials,
		}),
	});
	const webhookData = webhookDataFor(
		workflow,
		node,
		webhook,
		additionalData,
		options.isTest ?? false,
	);
	return { workflow, node, additionalData, webhookData };
}

/** A real n8n-core WebhookContext for `node`, over a fake express req/res. */
export async function makeWebhookContext(options: WebhookCallOptions): Promise<WebhookCall> {
	const { workflow, node, additionalData, webhookData } = await setUpWebhook(options);
	const request = makeRequest({
		...options,
		method: options.method ?? webhookData.httpMethod,
		path: `/webhook/${webhookData.path}`,
	});
	const response = new ResponseRecorder();
	// n8n hands the express objects over through additionalData.
	additionalData.httpRequest = request as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
	additionalData.httpResponse =
		response as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		options.mode ?? 'webhook',
		webhookData,
		[],
		options.runExecutionData ?? null,
	);
	return { context, request, response, workflow, webhookData };
}

/**
 * Runs `webhookMethods[webhookName][method]` (checkExists/create/delete) in a
 * HookContext, as n8n does when a workflow is activated or deactivated.
 */
export async function runWebhookMethod(
	options: WebhookCallOptions,
	method: WebhookSetupMethodNames,
	activation: WorkflowActivateMode = 'activate',
): Promise<{ returned: boolean | undefined; staticData: IDataObject; webhookUrl?: string }> {
	const { workflow, node, additionalData, webhookData } = await setUpWebhook(options);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const fn = nodeType.webhookMethods?.[webhookData.webhookDescription.name]?.[method];
	if (fn === undefined) throw new UnexpectedError(`Node has no webhookMethods ${method}()`);
	const mode = options.mode ?? 'trigger';
	const context = new HookContext(workflow, node, additionalData, mode, activation, webhookData);
	const returned = await fn.call(context);
	const webhookUrl = context.getNodeWebhookUrl(webhookData.webhookDescription.name);
	return { returned, staticData: workflow.staticData, webhookUrl };
}

/** Calls the node's `webhook()` the way WebhookService.runWebhook does. */
export async function runWebhook(options: WebhookCallOptions): Promise<WebhookCallResult> {
	const { context, response, workflow } = await makeWebhookContext(options);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(
		options.node.type,
		options.node.typeVersion,
	);
	if (nodeType.webhook === undefined) throw new UnexpectedError('Node has no webhook() method');
	const returned = isNodeClassInstance(nodeType)
		? await nodeType.webhook(context)
		: await nodeType.webhook.call(context);
	return { returned, response, staticData: workflow.staticData };
}
