import { ExternalSecretsProxy, type ExecutionLifecycleHooks } from 'n8n-core';
import {
	UnexpectedError,
	type ICredentialsHelper,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export interface RunnerUrls {
	/** Default http://127.0.0.1:5678/webhook-waiting */
	webhookWaitingBaseUrl?: string;
	/** Default http://127.0.0.1:5678/webhook */
	webhookBaseUrl?: string;
}

export const DEFAULT_ORIGIN = 'http://127.0.0.1:5678';

function notInWorkflowRunner(what: string): never {
	throw new UnexpectedError(`${what} is not available in the workflow runner`);
}

/** What n8n's CLI puts in additionalData (URLs as with N8N_WEBHOOK_URL=origin). */
export function buildAdditionalData(options: {
	executionId?: string;
	workflowId: string;
	credentialsHelper: ICredentialsHelper;
	hooks?: ExecutionLifecycleHooks;
	urls?: RunnerUrls;
}): IWorkflowExecuteAdditionalData {
	const { urls = {} } = options;
	return {
		executionId: options.executionId,
		workflowId: options.workflowId,
		hooks: options.hooks,
		credentialsHelper: options.credentialsHelper,
		externalSecretsProxy: new ExternalSecretsProxy(),
		currentNodeExecutionIndex: 0,
		variables: {},
		instanceBaseUrl: `${DEFAULT_ORIGIN}/`,
		restApiUrl: `${DEFAULT_ORIGIN}/rest`,
		webhookBaseUrl: urls.webhookBaseUrl ?? `${DEFAULT_ORIGIN}/webhook`,
		webhookWaitingBaseUrl: urls.webhookWaitingBaseUrl ?? `${DEFAULT_ORIGIN}/webhook-waiting`,
		webhookTestBaseUrl: `${DEFAULT_ORIGIN}/webhook-test`,
		formBaseUrl: `${DEFAULT_ORIGIN}/form`,
		formWaitingBaseUrl: `${DEFAULT_ORIGIN}/form-waiting`,
		formTestBaseUrl: `${DEFAULT_ORIGIN}/form-test`,
		mcpBaseUrl: `${DEFAULT_ORIGIN}/mcp`,
		mcpTestBaseUrl: `${DEFAULT_ORIGIN}/mcp-test`,
		executeWorkflow: async () => notInWorkflowRunner('executeWorkflow (sub-workflows)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => notInWorkflowRunner('startRunnerTask (Code node runners)'),
	};
}
